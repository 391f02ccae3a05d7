package sluice.router.admin;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sluice.router.GatewayTestEnvironment;
import sluice.sim.Faults;
import sluice.sim.KeyLimits;
import sluice.sim.WindowPolicy;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code GET /admin/routing/decisions}: the newest decisions of every replica, with every upstream call. */
@QuarkusTest
@QuarkusTestResource(value = GatewayTestEnvironment.class, restrictToAnnotatedClass = false)
class RoutingDecisionsTest {
    private static final String BODY = """
            {"model":"gpt-4o-mini","max_tokens":50,"messages":[{"role":"user","content":"Hello there"}]}""";

    @BeforeEach
    void reset() {
        GatewayTestEnvironment.resetGateway();
    }

    @Test
    void theNewestDecisionComesFirstWithEveryAttemptItsReasonAndKeyIdsOnly() throws Exception {
        Response plain = chat();
        assertEquals(200, plain.statusCode());
        GatewayTestEnvironment.sim().setKey(GatewayTestEnvironment.KEY_1,
                KeyLimits.of(0, 100, 0, 0).withWindow(WindowPolicy.ROLLING_60S), Faults.inherit());
        Response failedOver = chat();
        for (int i = 0; i < 10 && !"2".equals(failedOver.header("x-sluice-attempts")); i++) {
            failedOver = chat();
        }
        assertEquals("2", failedOver.header("x-sluice-attempts"), "key 1 answered 429, key 2 served");
        String id = failedOver.header("x-request-id");

        JsonPath newest = null;
        for (int i = 0; i < 100 && (newest == null || !id.equals(newest.getString("[0].requestId"))); i++) {
            Thread.sleep(100);
            Response r = AdminClient.as("viewer").queryParam("limit", 3).get("/admin/routing/decisions");
            assertEquals(200, r.statusCode(), r.asString());
            newest = r.jsonPath();
        }
        assertEquals(id, newest.getString("[0].requestId"), "newest first");
        assertEquals(3, newest.getList("$").size(), "limit honoured");
        assertTrue(newest.getString("[0].at").compareTo(newest.getString("[1].at")) >= 0);
        assertEquals("general", newest.getString("[0].taskClass"));
        assertEquals("anonymous", newest.getString("[0].tenant"));
        assertEquals(failedOver.header("x-sluice-route-reason"), newest.getString("[0].routeReason"));
        assertEquals("sim", newest.getString("[0].provider"));
        assertEquals("sim-key-2", newest.getString("[0].key"));
        assertEquals(2, newest.getInt("[0].attempts"));
        assertEquals("sim-key-1", newest.getString("[0].attemptLog[0].key"));
        assertEquals(429, newest.getInt("[0].attemptLog[0].status"));
        assertEquals("rate_limited", newest.getString("[0].attemptLog[0].outcome"));
        assertEquals("ok", newest.getString("[0].attemptLog[1].outcome"));
        assertEquals("gpt-4o-mini", newest.getString("[0].attemptLog[1].model"));
        assertTrue(newest.getInt("[0].attemptLog[1].latency_ms") >= 0);
        String all = newest.prettify();
        assertFalse(all.contains(GatewayTestEnvironment.KEY_1) || all.contains(GatewayTestEnvironment.KEY_2),
                "key ids only, never a secret");
    }

    @Test
    void aBadLimitIsA400NamingTheFieldAndAnonymousCallersAreRefused() {
        for (String limit : new String[]{"0", "501", "many"}) {
            Response r = AdminClient.as("viewer").queryParam("limit", limit).get("/admin/routing/decisions");
            AdminClient.assertProblem(r, 400);
            assertEquals("limit", r.jsonPath().getString("field"));
        }
        assertEquals(401, given().get("/admin/routing/decisions").statusCode());
    }

    private static Response chat() {
        return given().contentType(ContentType.JSON).body(BODY).post("/v1/chat/completions");
    }
}
