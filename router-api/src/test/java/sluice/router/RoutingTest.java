package sluice.router;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sluice.router.health.HealthState;
import sluice.router.health.ProviderHealth;
import sluice.sim.Faults;

import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each task class lands on its route's first healthy provider; failures move to the next. */
@QuarkusTest
@TestProfile(RoutingTestProfile.class)
class RoutingTest {

    @Inject
    ProviderHealth health;

    @BeforeEach
    void healthyProviders() {
        RoutingTestProfile.PROVIDERS.forEach(p -> {
            RoutingTestProfile.sim(p).setFaults(Faults.defaults().withCompletionTokens(8));
            health.forget(p);
        });
        CircuitBreakerMaintenance.get().resetAll();
    }

    @Test
    void aProviderAnswering500sOpensItsCircuitAndTrafficShiftsThenComesBack() throws Exception {
        RoutingTestProfile.sim("deepseek").setFaults(Faults.defaults().withCompletionTokens(8).withServerErrorRate(1.0));
        Map<String, Object> code = Map.of("messages", new Object[]{Map.of("role", "user", "content", "Debug this python code")});
        for (int i = 0; i < 4; i++) {
            Response r = chat(code);
            assertEquals("glm", r.header("x-sluice-provider"), "failed over while deepseek fails");
        }
        Response shifted = chat(code);
        assertEquals(200, shifted.statusCode());
        assertEquals("glm", shifted.header("x-sluice-provider"));
        assertEquals("1", shifted.header("x-sluice-attempts"), "deepseek is no longer even tried: its circuit is open");
        assertTrue(health.down("deepseek") != null, "marked down for every replica");
        String wellness = given().get("/q/health/well").then().extract().asString();
        assertTrue(wellness.contains("circuit OPEN"), "open circuit visible in health: " + wellness);

        RoutingTestProfile.sim("deepseek").setFaults(Faults.defaults().withCompletionTokens(8));
        String provider = null;
        for (int i = 0; i < 50 && !"deepseek".equals(provider); i++) {
            Thread.sleep(200);
            provider = chat(code).header("x-sluice-provider");
        }
        assertEquals("deepseek", provider, "a recovered provider gets its traffic back");
    }

    @Test
    void aProviderKilledMidTestIsSkippedAfterOneFailedCallAndGetsTrafficBackOnceItRestarts() throws Exception {
        Response before = chat(CODE);
        assertEquals("deepseek", before.header("x-sluice-provider"), before.asString());
        int port = RoutingTestProfile.kill("deepseek");
        try {
            Response hit = chat(CODE);
            assertEquals(200, hit.statusCode(), "the request that met the dead provider failed over: " + hit.asString());
            assertEquals("glm", hit.header("x-sluice-provider"));
            assertEquals("2", hit.header("x-sluice-attempts"));
            for (int i = 0; i < 5; i++) {
                Response next = chat(CODE);
                assertEquals("glm", next.header("x-sluice-provider"));
                assertEquals("1", next.header("x-sluice-attempts"), "the dead provider is not tried again");
            }
            assertEquals("deepseek:connection,glm:ok", LedgerRows.attempts(hit.header("x-request-id")),
                    "the ledger row keeps both calls");
        } finally {
            RoutingTestProfile.restart("deepseek", port);
        }
        String provider = null;
        for (int i = 0; i < 60 && !"deepseek".equals(provider); i++) {
            Thread.sleep(250);
            provider = chat(CODE).header("x-sluice-provider");
        }
        assertEquals("deepseek", provider, "a probe found it back and it gets its traffic again");
    }

    @Test
    void aProviderTurningSlowIsDegradedTrafficShiftsThenItComesBack() throws Exception {
        RoutingTestProfile.sim("deepseek").setFaults(Faults.defaults().withCompletionTokens(8).withLatencyMs(600));
        Response r = chat(CODE);
        for (int i = 0; i < 30 && "deepseek".equals(r.header("x-sluice-provider")); i++) {
            r = chat(CODE);
        }
        assertEquals("glm", r.header("x-sluice-provider"), "traffic shifted off the slow provider");
        assertEquals("1", r.header("x-sluice-attempts"), "degraded goes last: glm answered first");
        assertTrue(r.header("x-sluice-route-reason").endsWith("degraded last: deepseek"), r.header("x-sluice-route-reason"));
        assertEquals(HealthState.DEGRADED, health.status("deepseek").state());
        assertTrue(health.status("deepseek").reason().contains("slow: p95 latency over 300 ms"),
                health.status("deepseek").reason());

        RoutingTestProfile.sim("deepseek").setFaults(Faults.defaults().withCompletionTokens(8));
        String provider = null;
        for (int i = 0; i < 60 && !"deepseek".equals(provider); i++) {
            Thread.sleep(250);
            provider = chat(CODE).header("x-sluice-provider");
        }
        assertEquals("deepseek", provider, "once its slow calls left the window it gets traffic again");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "Arabic code ask      | اكتب دالة بايثون لترتيب قائمة من الأرقام                 | code    | deepseek | deepseek-model",
            "English code ask     | Fix this python function: def add(a, b): return a - b  | code    | deepseek | deepseek-model",
            "Arabic thinking ask  | برهن خطوة بخطوة أن مجموع زوايا المثلث ١٨٠ درجة          | thinking | thinker | thinker-model",
    })
    void aTaskLandsOnItsRoutesFirstProvider(String name, String prompt, String taskClass, String provider, String model) {
        Response r = chat(Map.of("messages", new Object[]{Map.of("role", "user", "content", prompt)}));
        assertEquals(200, r.statusCode(), r.asString());
        assertEquals(taskClass, r.header("x-sluice-task-class"));
        assertEquals(provider, r.header("x-sluice-provider"));
        assertEquals(model, r.header("x-sluice-model"));
        assertFalse(r.header("x-sluice-route-reason").isBlank());
    }

    @Test
    void aReasoningParameterMeansThinking() {
        Response r = chat(Map.of("reasoning_effort", "high",
                "messages", new Object[]{Map.of("role", "user", "content", "hello")}));
        assertEquals("thinking", r.header("x-sluice-task-class"));
        assertEquals("thinker", r.header("x-sluice-provider"));
    }

    @Test
    void aModelAliasPicksItsTarget() {
        Response r = chat(Map.of("model", "claude-sonnet-4-5",
                "messages", new Object[]{Map.of("role", "user", "content", "hello")}));
        assertEquals("thinker", r.header("x-sluice-provider"));
    }

    @Test
    void generalSpreadsEvenlyOverItsTargets() {
        Map<String, Integer> byProvider = new HashMap<>();
        for (int i = 0; i < 60; i++) {
            Response r = chat(Map.of("messages", new Object[]{Map.of("role", "user", "content", "Tell me about Paris")}));
            assertEquals("general", r.header("x-sluice-task-class"));
            byProvider.merge(r.header("x-sluice-provider"), 1, Integer::sum);
        }
        assertEquals(30, byProvider.getOrDefault("kimi", 0), 6, "± 10 %: " + byProvider);
        assertEquals(30, byProvider.getOrDefault("glm", 0), 6, "± 10 %: " + byProvider);
    }

    @Test
    void aProviderAnswering5xxFailsOverToTheNextTarget() {
        RoutingTestProfile.sim("deepseek").setFaults(Faults.defaults().withCompletionTokens(8).withServerErrorRate(1.0));
        Response r = chat(Map.of("messages", new Object[]{Map.of("role", "user", "content", "Refactor this java code")}));
        assertEquals(200, r.statusCode(), r.asString());
        assertEquals("code", r.header("x-sluice-task-class"));
        assertEquals("glm", r.header("x-sluice-provider"));
        assertEquals("2", r.header("x-sluice-attempts"));
    }

    @Test
    void everyTargetFailingAnswers503ListingWhatWasTried() {
        RoutingTestProfile.PROVIDERS.forEach(p -> RoutingTestProfile.sim(p).setFaults(
                Faults.defaults().withServerErrorRate(1.0)));
        Response r = chat(Map.of("messages", new Object[]{Map.of("role", "user", "content", "Write a SQL query")}));
        assertEquals(503, r.statusCode());
        String message = r.jsonPath().getString("error.message");
        assertTrue(message.contains("deepseek") && message.contains("glm"), message);
        assertFalse(r.asString().contains("\tat "), "no stack trace");
    }

    private static final Map<String, Object> CODE =
            Map.of("messages", new Object[]{Map.of("role", "user", "content", "Fix this python function for me")});

    private static Response chat(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/v1/chat/completions");
    }
}
