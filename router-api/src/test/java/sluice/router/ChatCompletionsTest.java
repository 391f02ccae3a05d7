package sluice.router;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(value = GatewayTestEnvironment.class, restrictToAnnotatedClass = false)
class ChatCompletionsTest {
    private static final String HELLO = """
            {"model":"gpt-4o-mini","messages":[{"role":"user","content":"Say hello to the gateway"}]}""";

    @TestHTTPResource("/v1/chat/completions")
    URL chatUrl;

    @BeforeEach
    void reset() {
        GatewayTestEnvironment.resetGateway();
    }

    @Test
    void nonStreamingCallReturnsTheSimulatorsCompletionWithDecisionHeaders() {
        given().contentType(ContentType.JSON).body(HELLO)
                .when().post("/v1/chat/completions")
                .then().statusCode(200)
                .header("x-sluice-provider", "sim")
                .header("x-sluice-key", notNullValue())
                .header("x-sluice-attempts", "1")
                .body("object", equalTo("chat.completion"))
                .body("choices[0].message.role", equalTo("assistant"))
                .body("usage.completion_tokens", equalTo(12))
                .body("usage.prompt_tokens", greaterThan(5));
    }

    @Test
    void streamArrivesChunkByChunkAndEndsWithDone() throws Exception {
        GatewayTestEnvironment.sim().setFaults(sluice.sim.Faults.defaults()
                .withCompletionTokens(12).withChunkDelayMs(60));
        List<Long> arrivals = new ArrayList<>();
        List<String> events = new ArrayList<>();
        HttpResponse<java.io.InputStream> response = postStream("""
                {"model":"gpt-4o-mini","stream":true,"messages":[{"role":"user","content":"Stream please"}]}""");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("text/event-stream"));
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("data: ")) {
                    arrivals.add(System.nanoTime());
                    events.add(line.substring(6));
                }
            }
        }
        assertTrue(events.size() >= 4, "several chunks, got " + events);
        assertEquals("[DONE]", events.get(events.size() - 1));
        long spreadMs = (arrivals.get(arrivals.size() - 1) - arrivals.get(0)) / 1_000_000;
        assertTrue(spreadMs >= 100, "chunks relayed as produced, not buffered: first-to-last " + spreadMs + " ms");
        assertFalse(events.stream().anyMatch(e -> e.contains("\"usage\":{")),
                "no usage chunk when the client did not ask for one");
    }

    @Test
    void streamCarriesUsageWhenTheClientAsksForIt() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(chatUrl.toURI())
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"model":"gpt-4o-mini","stream":true,"stream_options":{"include_usage":true},
                         "messages":[{"role":"user","content":"Count me"}]}""")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("\"completion_tokens\":12"), response.body());
        assertTrue(response.body().trim().endsWith("data: [DONE]"));
    }

    @Test
    void aStreamCutAfterItsFirstByteEndsWithAnErrorEvent() throws Exception {
        GatewayTestEnvironment.sim().setFaults(sluice.sim.Faults.defaults()
                .withCompletionTokens(40).withCutStreamRate(1.0));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(chatUrl.toURI())
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"model":"gpt-4o-mini","stream":true,"messages":[{"role":"user","content":"Cut me"}]}""")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), "the head was already sent");
        String body = response.body().trim();
        assertTrue(body.contains("\"delta\""), "some chunks arrived first: " + body);
        assertTrue(body.endsWith("}"), "ends with an error event, not [DONE]: " + body);
        assertTrue(body.substring(body.lastIndexOf("data: ")).contains("upstream_stream_interrupted"), body);
    }

    @Test
    void modelsListsTheConfiguredModels() {
        given().when().get("/v1/models").then().statusCode(200)
                .body("object", equalTo("list"))
                .body("data.id", hasItem("gpt-4o-mini"));
    }

    @Test
    void degradedModesAreVisibleInTheMetrics() {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        List<String> ours = metrics.lines().filter(l -> l.startsWith("sluice_")).toList();
        assertTrue(ours.stream().anyMatch(l -> l.matches("sluice_quota_redis_available(\\{.*})? 1\\.0")), "Redis up: " + ours);
        assertTrue(ours.stream().anyMatch(l -> l.startsWith("sluice_quota_fallbacks_total")), "fallbacks: " + ours);
        assertTrue(ours.stream().anyMatch(l -> l.startsWith("sluice_ledger_outbox_failures_total")), "outbox: " + ours);
    }

    @Test
    void readinessChecksRedisAndPostgres() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem("redis"))
                .body("checks.name", hasItem("postgresql"));
    }

    private HttpResponse<java.io.InputStream> postStream(String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(chatUrl.toString()))
                        .header("content-type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
    }
}
