package sluice.router;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sluice.quota.QuotaEngine;
import sluice.router.routing.ProviderCatalog;
import sluice.sim.Faults;
import sluice.sim.KeyLimits;
import sluice.sim.WindowPolicy;
import sluice.testsupport.TestServers;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What one replica does with a provider's 401, 429 and daily-quota answers. */
@QuarkusTest
@QuarkusTestResource(value = GatewayTestEnvironment.class, restrictToAnnotatedClass = false)
class KeyFailoverTest {
    private static final String BODY = """
            {"model":"gpt-4o-mini","max_tokens":50,"messages":[{"role":"user","content":"Hello there"}]}""";

    @Inject
    QuotaEngine engine;

    @Inject
    ProviderCatalog catalog;

    @BeforeEach
    void reset() {
        GatewayTestEnvironment.resetGateway();
    }

    @AfterAll
    static void noProviderSecretInTheLog() {
        SecretScan.assertAbsent(Path.of("target"), List.of(GatewayTestEnvironment.KEY_1, GatewayTestEnvironment.KEY_2));
    }

    @Test
    void aRejectedKeyIsDisabledDurablyAndTheRequestFailsOver() throws Exception {
        GatewayTestEnvironment.sim().removeKey(GatewayTestEnvironment.KEY_1);
        Response failedOver = untilAttempts(2);
        assertEquals("sim-key-2", failedOver.header("x-sluice-key"));
        assertTrue(engine.store().state("sim-key-1").toCompletableFuture().join().disabled(), "disabled in Redis");
        assertEquals("disabled", eventually("SELECT status FROM provider_keys WHERE id = 'sim-key-1'", "disabled"));
        assertEquals("gateway", eventually(
                "SELECT actor FROM audit_log WHERE target_id = 'sim-key-1' AND action = 'key.disabled'", "gateway"));
    }

    @Test
    void a429WritesTheCooldownBeforeFailingOver() {
        GatewayTestEnvironment.sim().setKey(GatewayTestEnvironment.KEY_1,
                KeyLimits.of(0, 100, 0, 0).withWindow(WindowPolicy.ROLLING_60S), Faults.inherit());
        long before = System.currentTimeMillis();
        Response failedOver = untilAttempts(2);
        assertEquals("sim-key-2", failedOver.header("x-sluice-key"));
        long until = engine.store().state("sim-key-1").toCompletableFuture().join().cooldownUntilMillis();
        assertTrue(until > before + 30_000, "cooldown taken from the provider's Retry-After: " + (until - before));
    }

    @Test
    void everyKeyRateLimitedAnswersA429WithRetryAfterAndWhatWasTried() {
        for (String key : List.of(GatewayTestEnvironment.KEY_1, GatewayTestEnvironment.KEY_2)) {
            GatewayTestEnvironment.sim().setKey(key, KeyLimits.of(0, 100, 0, 0).withWindow(WindowPolicy.ROLLING_60S),
                    Faults.inherit());
        }
        Response last = null;
        for (int i = 0; i < 10 && (last == null || last.statusCode() == 200); i++) {
            last = given().contentType(ContentType.JSON).body(BODY).post("/v1/chat/completions");
        }
        assertNotNull(last);
        assertEquals(429, last.statusCode(), last.asString());
        assertEquals("rate_limit_error", last.jsonPath().getString("error.type"));
        assertTrue(Long.parseLong(last.header("retry-after")) >= 1, "Retry-After in seconds");
        assertTrue(last.jsonPath().getList("error.attempts").size() >= 2, "lists what was tried: " + last.asString());
    }

    @Test
    void dailyQuotaExhaustionMarksTheKeyUntilItsReset() throws Exception {
        GatewayTestEnvironment.sim().exhaustKey(GatewayTestEnvironment.KEY_1);
        Response failedOver = untilAttempts(2);
        assertEquals("sim-key-2", failedOver.header("x-sluice-key"));
        assertTrue(engine.store().state("sim-key-1").toCompletableFuture().join().exhausted());
        assertNotNull(eventually("SELECT exhausted_until FROM provider_keys WHERE id = 'sim-key-1'", null));
    }

    @Test
    void aLimitChangedInPostgresAppliesWithoutRestart() throws Exception {
        long loadsBefore = catalog.loads();
        sql("UPDATE provider_keys SET rpm = 1 WHERE provider_id = 'sim'");
        try {
            awaitPoolsReloaded(loadsBefore); // the replica's own poll sees the catalog version move
            int served = 0;
            Response denied = null;
            for (int i = 0; i < 4 && denied == null; i++) {
                Response r = given().contentType(ContentType.JSON).body(BODY).post("/v1/chat/completions");
                if (r.statusCode() == 200) {
                    served++;
                } else {
                    denied = r;
                }
            }
            assertTrue(served <= 2, "at most one request per key this minute, served " + served);
            assertNotNull(denied, "the new limit of 1 rpm per key was applied");
            assertEquals(429, denied.statusCode(), denied.asString());
            assertTrue(denied.asString().contains("denied: rpm"), "the gateway's own admission said no: "
                    + denied.asString());
        } finally {
            sql("UPDATE provider_keys SET rpm = " + GatewayTestEnvironment.GATEWAY_RPM + " WHERE provider_id = 'sim'");
            catalog.refresh();
        }
    }

    @Test
    void pollsReadNoKeyWhileNothingChanged() throws InterruptedException {
        long loads = catalog.loads();
        Thread.sleep(3_500); // three polls at sluice.keys.refresh-interval=1s

        assertEquals(loads, catalog.loads(), "an unchanged catalog version means no key is re-read");
    }

    private void awaitPoolsReloaded(long loadsBefore) throws InterruptedException {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (catalog.loads() == loadsBefore) {
            assertTrue(System.nanoTime() < deadline, "the pools were not re-read within 15 s of the change");
            Thread.sleep(50);
        }
    }

    private static Response untilAttempts(int attempts) {
        for (int i = 0; i < 30; i++) {
            Response r = given().contentType(ContentType.JSON).body(BODY).post("/v1/chat/completions");
            assertEquals(200, r.statusCode(), r.asString());
            if (String.valueOf(attempts).equals(r.header("x-sluice-attempts"))) {
                return r;
            }
        }
        throw new AssertionError("no request needed " + attempts + " attempts");
    }

    /** Polls a one-value query until it returns {@code expected} (or anything, when null). */
    private static String eventually(String query, String expected) throws Exception {
        String value = null;
        for (int i = 0; i < 50; i++) {
            try (Connection c = TestServers.postgres().connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery(query)) {
                value = rs.next() ? rs.getString(1) : null;
            }
            if (value != null && (expected == null || expected.equals(value))) {
                return value;
            }
            Thread.sleep(100);
        }
        return value;
    }

    private static void sql(String statement) throws Exception {
        try (Connection c = TestServers.postgres().connect(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
