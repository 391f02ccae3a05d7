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
            health.markUp(p);
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

    private static Response chat(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/v1/chat/completions");
    }
}
