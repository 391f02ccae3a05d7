package sluice.router.admin;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sluice.router.GatewayTestEnvironment;
import sluice.router.health.HealthState;
import sluice.router.health.ProviderHealth;
import sluice.sim.Faults;
import sluice.sim.KeyLimits;
import sluice.sim.KeyStats;
import sluice.sim.ProviderSim;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Provider health as operators see it in {@code GET /admin/providers}, and the IP-level rate limit:
 * every key of a provider answering 429 within seconds pauses the provider instead of cooling key
 * after key.
 */
@QuarkusTest
@QuarkusTestResource(value = GatewayTestEnvironment.class, restrictToAnnotatedClass = false)
class ProviderHealthAdminTest {
    private static final String BODY = """
            {"model":"gpt-4o-mini","messages":[{"role":"user","content":"Hello there"}]}""";
    private static final List<String> KEYS = List.of(GatewayTestEnvironment.KEY_1, GatewayTestEnvironment.KEY_2);

    @Inject
    ProviderHealth health;

    @BeforeEach
    void reset() {
        GatewayTestEnvironment.resetGateway();
    }

    @Test
    void providersListShowsHealthPassiveStatsAndCircuitNextToThePool() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertEquals(200, chat().statusCode());
        }
        JsonPath sim = null;
        for (int i = 0; i < 50 && (sim == null || sim.get("health.passive.calls") == null
                || sim.getLong("health.passive.calls") < 3); i++) {
            Thread.sleep(100);
            sim = simView();
        }
        assertNotNull(sim);
        assertEquals(2, sim.getInt("keys.total"), "the pool summary is still there");
        assertEquals("healthy", sim.getString("health.state"));
        assertEquals("CLOSED", sim.getString("health.circuit"));
        assertEquals(3, sim.getLong("health.passive.calls"), "calls counted by every replica over the window");
        assertEquals(1.0, sim.getDouble("health.passive.successRate"));
        assertEquals(3, sim.getLong("health.passive.byOutcome.ok"));
        assertEquals(30, sim.getLong("health.passive.windowSeconds"));
    }

    @Test
    void everyKeyAnswering429PausesTheProviderForEveryReplicaUntilThePauseEnds() throws Exception {
        ProviderSim sim = GatewayTestEnvironment.sim();
        assertEquals(200, chat().statusCode(), "a warm gateway answers well within the keys' busy time");
        List<CompletableFuture<HttpResponse<String>>> holders = occupyEveryKey(sim);
        try {
            Response limited = chat();
            assertEquals(429, limited.statusCode(), "both keys answered 429: " + limited.asString());
            assertEquals("2", limited.header("x-sluice-attempts"));
            long deadline = System.currentTimeMillis() + 5000;
            while (health.status("sim").state() != HealthState.RATE_LIMITED && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            long sent = sentToSim(sim);
            Response skipped = chat();
            assertEquals(429, skipped.statusCode());
            assertTrue(Long.parseLong(skipped.header("retry-after")) >= 1, "the client learns when to come back");
            assertTrue(skipped.asString().contains("skipped: provider rate limited"), skipped.asString());
            assertEquals("0", skipped.header("x-sluice-attempts"));
            JsonPath view = simView();
            assertEquals("rate_limited", view.getString("health.state"), view.prettify());
            assertTrue(view.getString("health.reason").contains("likely an IP-level limit"), view.getString("health.reason"));
            assertNotNull(view.getString("health.until"));
            assertEquals(sent, sentToSim(sim), "no key of the paused provider was tried");
        } finally {
            CompletableFuture.allOf(holders.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        }
        sim.setFaults(Faults.defaults().withCompletionTokens(12));
        KEYS.forEach(k -> sim.setKey(k, KeyLimits.unlimited(), Faults.inherit()));
        Response back = chat();
        for (int i = 0; i < 60 && back.statusCode() != 200; i++) {
            Thread.sleep(250);
            back = chat();
        }
        assertEquals(200, back.statusCode(), "routing resumes when the pause (8 s here) ends: " + back.asString());
    }

    @Test
    void anOperatorResetsAProviderMarkedDownForEveryReplicaAndTheResetIsAudited() throws Exception {
        health.markDown("sim", System.currentTimeMillis() + 60_000, "test: probe failed");
        assertEquals("down", simView().getString("health.state"));
        AdminClient.as("viewer").post("/admin/providers/sim/health/reset").then().statusCode(403);
        AdminClient.assertProblem(AdminClient.as("operator").post("/admin/providers/no-such/health/reset"), 404);

        Response reset = AdminClient.as("operator").post("/admin/providers/sim/health/reset");
        assertEquals(200, reset.statusCode(), reset.asString());
        assertEquals("healthy", reset.jsonPath().getString("state"));
        Thread.sleep(2500); // two health syncs: a down record left in Redis would be read back by now
        assertEquals("healthy", simView().getString("health.state"), "forgotten in Redis too, not only here");
        assertEquals(200, chat().statusCode());
        List<String> actions = AdminClient.asAdmin().queryParam("targetKind", "provider").queryParam("targetId", "sim")
                .get("/admin/audit").then().statusCode(200).extract().jsonPath().getList("action");
        assertTrue(actions.contains("provider.health-reset"), actions.toString());
    }

    /** Each key allows one call at a time and holds one for 5 s: the next call on any key gets a 429. */
    private static List<CompletableFuture<HttpResponse<String>>> occupyEveryKey(ProviderSim sim) throws Exception {
        sim.setFaults(Faults.defaults().withCompletionTokens(12).withLatencyMs(5000));
        HttpClient http = HttpClient.newHttpClient();
        List<CompletableFuture<HttpResponse<String>>> holders = KEYS.stream().map(key -> {
            sim.setKey(key, KeyLimits.of(0, 0, 0, 1), Faults.inherit());
            return http.sendAsync(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/chat/completions"))
                    .header("authorization", "Bearer " + key).header("content-type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(BODY)).build(), HttpResponse.BodyHandlers.ofString());
        }).toList();
        long deadline = System.currentTimeMillis() + 2000;
        while (KEYS.stream().anyMatch(k -> sim.stats().key(k).inFlight() < 1) && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(KEYS.stream().allMatch(k -> sim.stats().key(k).inFlight() == 1), "both keys busy");
        return holders;
    }

    private static long sentToSim(ProviderSim sim) {
        long n = 0;
        for (String key : KEYS) {
            KeyStats s = sim.stats().key(key);
            n += s.accepted() + s.rejected().values().stream().mapToLong(Long::longValue).sum();
        }
        return n;
    }

    private static JsonPath simView() {
        Response r = AdminClient.as("viewer").get("/admin/providers");
        assertEquals(200, r.statusCode(), r.asString());
        List<Map<String, Object>> all = r.jsonPath().getList("$");
        Map<String, Object> sim = all.stream().filter(p -> "sim".equals(p.get("id"))).findFirst().orElseThrow();
        return new JsonPath(new io.vertx.core.json.JsonObject(sim).encode());
    }

    private static Response chat() {
        return given().contentType(ContentType.JSON).body(BODY).post("/v1/chat/completions");
    }
}
