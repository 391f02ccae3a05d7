package sluice.router.admin;

import io.quarkus.arc.Arc;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sluice.quota.KeyState;
import sluice.quota.QuotaEngine;
import sluice.router.GatewayTestEnvironment;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tenant and the first provider key are admitted in one round trip; a request its tenant
 * refuses must still cost the shared provider keys nothing (their rpm serves every tenant).
 */
@QuarkusTest
@QuarkusTestResource(value = GatewayTestEnvironment.class, restrictToAnnotatedClass = false)
class TenantRefusalTest {
    private static final String BODY = """
            {"model":"gpt-4o-mini","max_tokens":20,"messages":[{"role":"user","content":"Say hi."}]}""";

    @BeforeEach
    void reset() {
        GatewayTestEnvironment.resetGateway();
    }

    @Test
    void requestsATenantRefusesLeaveTheProviderKeysWindowsAsTheyWere() {
        String key = tenantKey(1);

        long[] before = keyWindows();
        assertEquals(200, send(key).statusCode());
        long[] afterOne = keyWindows();
        assertEquals(before[0] + 1, afterOne[0], "the answered request counts once in the keys' minute");
        assertEquals(before[1] + 1, afterOne[1], "and once in their day");

        for (int i = 0; i < 5; i++) {
            Response refused = send(key);
            assertEquals(429, refused.statusCode(), refused.asString());
            assertTrue(refused.jsonPath().getString("error.message").contains("tenant limit: rpm"),
                    refused.asString());
            assertTrue(refused.header("retry-after") != null, "says when to come back");
        }
        // the cancel of a key admitted alongside a refused tenant is sent after the answer: give it a moment
        long[] afterRefusals = keyWindows();
        for (int i = 0; i < 50 && afterRefusals[0] != afterOne[0]; i++) {
            sleep();
            afterRefusals = keyWindows();
        }
        assertEquals(afterOne[0], afterRefusals[0], "refused requests give the keys' minute count back");
        assertEquals(afterOne[1], afterRefusals[1], "and their day count");
        assertEquals(afterOne[2], afterRefusals[2], "and the tokens reserved for them");
        assertEquals(0, inFlight(), "no lease is left behind");
    }

    @Test
    void whenTheKeysRefuseTooTheClientHearsOnlyTheTenantsRefusal() {
        String key = tenantKey(1);
        assertEquals(200, send(key).statusCode());
        QuotaEngine engine = Arc.container().instance(QuotaEngine.class).get();
        try {
            for (String k : List.of("sim-key-1", "sim-key-2")) {
                engine.disable(k, "test: refuse every key").toCompletableFuture().join();
            }
            Response refused = send(key);
            assertEquals(429, refused.statusCode(), refused.asString());
            String message = refused.jsonPath().getString("error.message");
            assertTrue(message.contains("tenant limit: rpm"), message);
            assertTrue(!message.contains("disabled") && !message.contains("sim-key"),
                    "the keys' denials, admitted alongside, are not the client's business: " + message);
        } finally {
            for (String k : List.of("sim-key-1", "sim-key-2")) {
                engine.enable(k).toCompletableFuture().join();
            }
        }
    }

    /** A new tenant with the given rpm and its client key. */
    private static String tenantKey(int rpm) {
        String tenant = AdminClient.unique("rpm" + rpm);
        AdminClient.asAdmin().body(Map.of("id", tenant, "name", "Few a minute", "limits", Map.of("rpm", rpm)))
                .post("/admin/tenants").then().statusCode(201);
        return AdminClient.asAdmin().body(Map.of("label", "refusal test"))
                .post("/admin/tenants/" + tenant + "/client-keys").then().statusCode(201).extract().jsonPath()
                .getString("key");
    }

    private static Response send(String clientKey) {
        return given().contentType(ContentType.JSON).header("Authorization", "Bearer " + clientKey).body(BODY)
                .post("/v1/chat/completions");
    }

    /** Requests in the minute, requests today and tokens in the minute, summed over the provider's keys. */
    private static long[] keyWindows() {
        long[] sums = new long[3];
        for (KeyState state : states()) {
            sums[0] += state.minute().requests();
            sums[1] += state.today().requests();
            sums[2] += state.minute().tokens();
        }
        return sums;
    }

    private static int inFlight() {
        return states().stream().mapToInt(KeyState::inFlight).sum();
    }

    private static List<KeyState> states() {
        QuotaEngine engine = Arc.container().instance(QuotaEngine.class).get();
        return List.of("sim-key-1", "sim-key-2").stream()
                .map(k -> engine.store().state(k).toCompletableFuture().join()).toList();
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
