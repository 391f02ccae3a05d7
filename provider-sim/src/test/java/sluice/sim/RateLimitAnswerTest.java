package sluice.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a client sees when it hits a limit: status, headers and body, like OpenAI's. */
class RateLimitAnswerTest {

    private static final long T0 = ManualClock.START; // 08:00:00 UTC
    private static final ManualClock CLOCK = new ManualClock();

    private static ProviderSim sim;
    private static SimClient client;

    @BeforeAll
    static void start() {
        sim = ProviderSim.start(SimConfig.builder().timeSource(CLOCK).eventLoops(2).build());
        client = new SimClient(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void rewindClock() {
        CLOCK.set(T0);
    }

    @Test
    void successfulAnswersCarryRateLimitHeaders() {
        sim.setKey("sk-headers", KeyLimits.of(10, 1_000, 0, 0));
        HttpHeaders headers = client.chat("sk-headers", SimClient.chatBody("Hi")).headers();
        assertEquals("10", header(headers, "x-ratelimit-limit-requests"));
        assertEquals("9", header(headers, "x-ratelimit-remaining-requests"));
        assertEquals("1m0s", header(headers, "x-ratelimit-reset-requests"));
        assertEquals("1000", header(headers, "x-ratelimit-limit-tokens"));
        assertEquals("977", header(headers, "x-ratelimit-remaining-tokens")); // 7 + 16 charged
        assertEquals("1m0s", header(headers, "x-ratelimit-reset-tokens"));
    }

    @Test
    void perMinute429HasRetryAfterResetHeadersAndARequestsError() {
        sim.setKey("sk-rpm", KeyLimits.of(1, 1_000, 0, 0));
        assertEquals(200, client.chat("sk-rpm", SimClient.chatBody("Hi")).statusCode());
        CLOCK.advance(1_500);
        HttpResponse<String> denied = client.chat("sk-rpm", SimClient.chatBody("Hi"));

        assertEquals(429, denied.statusCode());
        assertEquals("59", header(denied.headers(), "retry-after"));
        assertEquals("58500", header(denied.headers(), "retry-after-ms"));
        assertEquals("0", header(denied.headers(), "x-ratelimit-remaining-requests"));
        assertEquals("58.5s", header(denied.headers(), "x-ratelimit-reset-requests"));
        assertEquals("977", header(denied.headers(), "x-ratelimit-remaining-tokens"));
        JsonNode error = SimClient.json(denied).get("error");
        assertEquals("requests", error.get("type").asText());
        assertEquals("rate_limit_exceeded", error.get("code").asText());
        assertTrue(error.get("param").isNull());
        assertTrue(error.get("message").asText().contains("Limit 1, Used 1, Requested 1"),
                error.get("message").asText());
    }

    @Test
    void usedUpDailyQuotaIsInsufficientQuotaUntilUtcMidnight() {
        sim.setKey("sk-daily", KeyLimits.of(0, 0, 2, 0));
        CLOCK.set(T0 + 14 * 3_600_000L - 30_000); // 21:59:30 UTC
        assertEquals(200, client.chat("sk-daily", SimClient.chatBody("Hi")).statusCode());
        assertEquals(200, client.chat("sk-daily", SimClient.chatBody("Hi")).statusCode());
        HttpResponse<String> denied = client.chat("sk-daily", SimClient.chatBody("Hi"));

        assertEquals(429, denied.statusCode());
        assertEquals(Long.toString(2 * 3_600 + 30), header(denied.headers(), "retry-after"));
        JsonNode error = SimClient.json(denied).get("error");
        assertEquals("insufficient_quota", error.get("type").asText());
        assertEquals("insufficient_quota", error.get("code").asText());
        assertTrue(error.get("message").asText().startsWith("You exceeded your current quota"));

        CLOCK.set(T0 + 16 * 3_600_000L); // 00:00 UTC next day
        assertEquals(200, client.chat("sk-daily", SimClient.chatBody("Hi")).statusCode());
        assertEquals(1, sim.stats().key("sk-daily").rejected(RejectReason.RPD));
    }

    @Test
    void adminExhaustedKeyIsInsufficientQuotaNotARateLimit() {
        sim.setKey("sk-exhausted", KeyLimits.of(100, 0, 0, 0));
        HttpResponse<String> marked = client.admin("POST", "/keys/sk-exhausted/exhaust", null);
        assertEquals(204, marked.statusCode());
        HttpResponse<String> denied = client.chat("sk-exhausted", SimClient.chatBody("Hi"));

        assertEquals(429, denied.statusCode());
        assertEquals("insufficient_quota", SimClient.json(denied).at("/error/code").asText());
        assertEquals(Long.toString(16 * 3_600), header(denied.headers(), "retry-after"));
        assertEquals(1, sim.stats().key("sk-exhausted").rejected(RejectReason.EXHAUSTED));
        assertEquals(404, client.admin("POST", "/keys/sk-nobody/exhaust", null).statusCode());

        CLOCK.set(T0 + 16 * 3_600_000L);
        assertEquals(200, client.chat("sk-exhausted", SimClient.chatBody("Hi")).statusCode());
    }

    @Test
    void concurrencyLimitRefusesTheRequestBeyondTheInFlightLimit() throws Exception {
        sim.setKey("sk-conc", KeyLimits.of(0, 0, 0, 2), Faults.inherit().withLatencyMs(600));
        CompletableFuture<HttpResponse<String>> first =
                client.chatAsync("sk-conc", SimClient.chatBody("one"));
        CompletableFuture<HttpResponse<String>> second =
                client.chatAsync("sk-conc", SimClient.chatBody("two"));
        awaitInFlight("sk-conc", 2);

        HttpResponse<String> third = client.chat("sk-conc", SimClient.chatBody("three"));
        assertEquals(429, third.statusCode());
        assertEquals("concurrency_limit_exceeded",
                SimClient.json(third).at("/error/code").asText());
        assertEquals("1", header(third.headers(), "retry-after"));
        assertEquals(200, first.get().statusCode());
        assertEquals(200, second.get().statusCode());

        KeyStats stats = sim.stats().key("sk-conc");
        assertEquals(2, stats.maxInFlight());
        assertEquals(0, stats.inFlight());
        assertEquals(1, stats.rejected(RejectReason.CONCURRENCY));
        assertEquals(200, client.chat("sk-conc", SimClient.chatBody("four")).statusCode());
    }

    private static void awaitInFlight(String key, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (sim.stats().key(key).inFlight() != expected) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("in-flight never reached " + expected);
            }
            Thread.sleep(10);
        }
    }

    private static String header(HttpHeaders headers, String name) {
        return headers.firstValue(name).orElseThrow(() -> new AssertionError("no " + name));
    }
}
