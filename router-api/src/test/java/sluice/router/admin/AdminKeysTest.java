package sluice.router.admin;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sluice.quota.KeyState;
import sluice.quota.QuotaEngine;
import sluice.router.GatewayTestEnvironment;
import sluice.router.SecretScan;
import sluice.router.routing.ProviderCatalog;
import sluice.router.routing.ProviderTarget;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Provider keys through the admin API: records, live Redis state, and changes reaching routing. */
@QuarkusTest
@QuarkusTestResource(value = GatewayTestEnvironment.class, restrictToAnnotatedClass = false)
class AdminKeysTest {
    /** Every secret these tests hand to the API: none may come back in a response or a log line. */
    private static final List<String> SECRETS = new ArrayList<>();

    @Inject
    QuotaEngine engine;

    @Inject
    ProviderCatalog catalog;

    @BeforeAll
    static void provider() throws Exception {
        AdminClient.ensureTestProvider();
    }

    /** Other test classes leave the simulator's keys disabled, cooling or exhausted: start from both usable. */
    @BeforeEach
    void simKeysUsable() {
        GatewayTestEnvironment.resetSim();
        for (String key : List.of("sim-key-1", "sim-key-2")) {
            AdminClient.as("operator").body(Map.of("status", "active")).patch("/admin/keys/" + key).then().statusCode(200);
            AdminClient.as("operator").post("/admin/keys/" + key + "/clear-cooldown").then().statusCode(200);
        }
    }

    @AfterAll
    static void noSecretInTheLog() {
        SecretScan.assertAbsent(Path.of("target"), SECRETS);
    }

    @Test
    void aNewKeyIsShownMaskedAndItsSecretNeverComesBack() {
        String secret = newSecret();
        String id = AdminClient.unique("k-new");
        Response created = AdminClient.asAdmin().body(Map.of("provider", AdminClient.PROVIDER, "id", id, "label", "team A",
                "secret", secret, "limits", Map.of("rpm", 60, "tpd", 100000), "weight", 3)).post("/admin/keys");
        assertEquals(201, created.statusCode(), created.asString());
        assertFalse(created.asString().contains(secret), "secret in the create response");
        assertEquals("/admin/keys/" + id, java.net.URI.create(created.header("Location")).getPath());
        JsonPath key = created.jsonPath();
        assertEquals(secret.substring(0, 3) + "..." + secret.substring(secret.length() - 4), key.getString("secretHint"));
        assertEquals(8, key.getString("fingerprint").length());
        assertEquals(60, key.getInt("limits.rpm"));
        assertEquals(100000, key.getInt("limits.tpd"));
        assertEquals(3, key.getInt("weight"));
        assertEquals("active", key.getString("state"));
        for (String path : List.of("/admin/keys/" + id, "/admin/keys", "/admin/keys?provider=" + AdminClient.PROVIDER)) {
            String body = AdminClient.as("viewer").get(path).then().statusCode(200).extract().asString();
            assertFalse(body.contains(secret), "secret in " + path);
        }
        Response rotated = AdminClient.asAdmin().body(Map.of("secret", newSecret())).post("/admin/keys/" + id + "/rotate");
        assertEquals(200, rotated.statusCode(), rotated.asString());
        assertFalse(rotated.asString().contains(SECRETS.get(SECRETS.size() - 1)), "new secret in the rotate response");
        assertTrue(!key.getString("fingerprint").equals(rotated.jsonPath().getString("fingerprint")), "new fingerprint");
        assertNotNull(rotated.jsonPath().getString("rotatedAt"));
    }

    @Test
    void theListShowsTheLiveStateWrittenThroughTheQuotaEngine() {
        String id = createKey(Map.of("rpm", 100, "tpm", 5000));
        long until = System.currentTimeMillis() + 120_000;
        engine.cooldown(id, until, "upstream 429").toCompletableFuture().join();
        Map<String, Object> listed = given().auth().oauth2(AdminClient.token("watcher", "viewer"))
                .queryParam("provider", AdminClient.PROVIDER).get("/admin/keys")
                .then().statusCode(200).extract().jsonPath().getList("findAll { it.id == '" + id + "' }", Map.class).get(0);
        assertEquals("cooling", listed.get("state"));
        JsonPath key = AdminClient.as("viewer").get("/admin/keys/" + id).jsonPath();
        assertEquals(java.time.Instant.ofEpochMilli(until).toString(), key.getString("live.cooldownUntil"));
        assertEquals("upstream 429", key.getString("live.cooldownReason"));
        assertEquals(100, key.getInt("live.minute.requestLimit"));
        assertEquals(5000, key.getInt("live.minute.tokenLimit"));
        assertEquals(0, key.getInt("live.inFlight"));
        assertFalse(key.getBoolean("live.disabled"));

        JsonPath cleared = AdminClient.as("operator").post("/admin/keys/" + id + "/clear-cooldown")
                .then().statusCode(200).extract().jsonPath();
        assertEquals("active", cleared.getString("state"));
        assertNull(cleared.getString("live.cooldownUntil"));
        KeyState state = engine.store().state(id).toCompletableFuture().join();
        assertFalse(state.coolingDown(), "cooldown lifted in Redis");
    }

    @Test
    void clearCooldownAlsoLiftsADailyExhaustion() throws Exception {
        String id = createKey(Map.of());
        engine.markExhausted(id, System.currentTimeMillis() + 3_600_000, "daily quota").toCompletableFuture().join();
        AdminClient.sql("UPDATE provider_keys SET exhausted_until = now() + interval '1 hour' WHERE id = '" + id + "'");
        assertEquals("exhausted", AdminClient.as("viewer").get("/admin/keys/" + id).jsonPath().getString("state"));
        AdminClient.as("operator").post("/admin/keys/" + id + "/clear-cooldown").then().statusCode(200);
        assertFalse(engine.store().state(id).toCompletableFuture().join().exhausted(), "exhaustion lifted in Redis");
        assertNull(AdminClient.sqlValue("SELECT exhausted_until FROM provider_keys WHERE id = '" + id + "'"),
                "and in PostgreSQL, where a restore would read it");
        assertEquals("operator-user", AdminClient.sqlValue("SELECT actor FROM audit_log WHERE target_id = '" + id
                + "' AND action = 'key.cooldown-cleared'"));
    }

    @Test
    void changedLimitsReachThisReplicasPoolAtOnce() {
        long before = catalog.provider("sim").limits().get("sim-key-1").rpm();
        try {
            JsonPath patched = AdminClient.as("operator").body(Map.of("limits", Map.of("rpm", 7, "maxConcurrent", 3)))
                    .patch("/admin/keys/sim-key-1").then().statusCode(200).extract().jsonPath();
            assertEquals(7, patched.getInt("limits.rpm"));
            assertEquals(3, patched.getInt("limits.maxConcurrent"));
            assertEquals(0, patched.getInt("limits.tpm"), "limits not named keep their value");
            sluice.quota.KeyLimits routed = catalog.provider("sim").limits().get("sim-key-1");
            assertEquals(7, routed.rpm(), "refreshed without waiting for sluice.keys.refresh-interval");
            assertEquals(3, routed.maxConcurrent());
        } finally {
            AdminClient.as("operator").body(Map.of("limits", Map.of("rpm", before, "maxConcurrent", 0)))
                    .patch("/admin/keys/sim-key-1").then().statusCode(200);
        }
    }

    @Test
    void disablingAKeyTakesItOutOfRedisAndThePoolAndEnablingBringsItBack() {
        try {
            JsonPath disabled = AdminClient.as("operator").body(Map.of("status", "disabled", "reason", "suspected leak"))
                    .patch("/admin/keys/sim-key-2").then().statusCode(200).extract().jsonPath();
            assertEquals("disabled", disabled.getString("status"));
            assertEquals("suspected leak", disabled.getString("statusReason"));
            assertEquals("disabled", disabled.getString("state"));
            assertTrue(engine.store().state("sim-key-2").toCompletableFuture().join().disabled(), "disabled in Redis");
            ProviderTarget sim = catalog.provider("sim");
            assertFalse(sim.keyIds().contains("sim-key-2"), "out of the pool: " + sim.keyIds());
            for (int i = 0; i < 3; i++) {
                given().contentType(ContentType.JSON)
                        .body("{\"model\":\"gpt-4o-mini\",\"max_tokens\":5,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                        .post("/v1/chat/completions").then().statusCode(200).header("x-sluice-key", "sim-key-1");
            }
        } finally {
            AdminClient.as("operator").body(Map.of("status", "active")).patch("/admin/keys/sim-key-2").then().statusCode(200);
        }
        assertFalse(engine.store().state("sim-key-2").toCompletableFuture().join().disabled(), "enabled in Redis");
        assertTrue(catalog.provider("sim").keyIds().contains("sim-key-2"), "back in the pool");
    }

    @Test
    void deletedKeysAreGoneAndUnknownIdsAre404() {
        String id = createKey(Map.of());
        AdminClient.asAdmin().delete("/admin/keys/" + id).then().statusCode(204);
        AdminClient.assertProblem(AdminClient.as("viewer").get("/admin/keys/" + id), 404);
        AdminClient.assertProblem(AdminClient.asAdmin().delete("/admin/keys/" + id), 404);
        AdminClient.assertProblem(AdminClient.as("operator").body("{\"weight\":2}").patch("/admin/keys/no-such-key"), 404);
        AdminClient.assertProblem(AdminClient.as("operator").post("/admin/keys/no-such-key/clear-cooldown"), 404);
        AdminClient.assertProblem(AdminClient.asAdmin().body(Map.of("secret", "sk-abcdefghijklmnop"))
                .post("/admin/keys/no-such-key/rotate"), 404);
        AdminClient.assertProblem(AdminClient.as("viewer").get("/admin/keys?provider=no-such-provider"), 404);
    }

    @Test
    void aTakenIdIsAConflictAndAnUnknownProviderIsNamed() {
        String id = createKey(Map.of());
        Response again = AdminClient.asAdmin().body(Map.of("provider", AdminClient.PROVIDER, "id", id, "label", "x",
                "secret", newSecret())).post("/admin/keys");
        AdminClient.assertProblem(again, 409);
        Response unknown = AdminClient.asAdmin().body(Map.of("provider", "no-such-provider", "label", "x",
                "secret", newSecret())).post("/admin/keys");
        AdminClient.assertProblem(unknown, 400);
        assertEquals("provider", unknown.jsonPath().getString("field"));
    }

    @Test
    void providersShowTheirPoolSummary() {
        String id = createKey(Map.of());
        engine.disable(id, "test").toCompletableFuture().join();
        List<Map<String, Object>> providers = AdminClient.as("viewer").get("/admin/providers")
                .then().statusCode(200).extract().jsonPath().getList("$");
        Map<String, Object> sim = providers.stream().filter(p -> "sim".equals(p.get("id"))).findFirst().orElseThrow();
        assertEquals(true, sim.get("configured"));
        assertEquals(2, ((Map<?, ?>) sim.get("keys")).get("total"));
        Map<String, Object> test = providers.stream().filter(p -> AdminClient.PROVIDER.equals(p.get("id"))).findFirst()
                .orElseThrow();
        assertEquals(false, test.get("configured"));
        assertTrue((Integer) ((Map<?, ?>) test.get("keys")).get("disabled") >= 1, test.toString());
    }

    @Test
    void everyKeyChangeIsAuditedUnderTheTokensSubject() {
        String id = createKey(Map.of());
        given().auth().oauth2(AdminClient.token("carol", "operator")).contentType(ContentType.JSON)
                .body(Map.of("weight", 5)).patch("/admin/keys/" + id).then().statusCode(200);
        given().auth().oauth2(AdminClient.token("dave", "admin")).delete("/admin/keys/" + id).then().statusCode(204);
        JsonPath audit = AdminClient.as("viewer").queryParam("targetKind", "provider-key").queryParam("targetId", id)
                .get("/admin/audit").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("key.deleted", "key.updated", "key.added"), audit.getList("action"));
        assertEquals(List.of("dave", "carol", "admin-user"), audit.getList("actor"));
        assertEquals("5", audit.getString("[1].detail.weight"));
        List<Map<String, Object>> newest = AdminClient.as("viewer").queryParam("limit", 2).get("/admin/audit").jsonPath()
                .getList("$");
        assertEquals(2, newest.size());
        assertEquals("key.deleted", newest.get(0).get("action"));
    }

    private static String createKey(Map<String, Object> limits) {
        String id = AdminClient.unique("k");
        AdminClient.asAdmin().body(Map.of("provider", AdminClient.PROVIDER, "id", id, "label", "test key",
                "secret", newSecret(), "limits", limits)).post("/admin/keys").then().statusCode(201);
        return id;
    }

    private static String newSecret() {
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        String secret = "sk-admintest-" + HexFormat.of().formatHex(random);
        SECRETS.add(secret);
        return secret;
    }
}
