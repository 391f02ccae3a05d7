package sluice.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** RPM semantics of each window policy, end to end over HTTP, on a manual clock. */
class WindowPolicyTest {

    private static final long T0 = ManualClock.START; // a whole minute
    private static final ManualClock CLOCK = new ManualClock();

    private static ProviderSim sim;
    private static SimClient client;

    @BeforeAll
    static void start() {
        sim = ProviderSim.start(SimConfig.builder()
                .timeSource(CLOCK)
                .window(WindowPolicy.ROLLING_60S)
                .eventLoops(1)
                .build());
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
    void fixedMinuteResetsAtTheWallClockBoundary() {
        sim.setKey("sk-fixed", KeyLimits.of(2, 0, 0, 0).withWindow(WindowPolicy.FIXED_MINUTE));
        CLOCK.set(T0 + 50_000);
        assertEquals(200, status("sk-fixed"));
        assertEquals(200, status("sk-fixed"));
        HttpResponse<String> denied = call("sk-fixed");
        assertEquals(429, denied.statusCode());
        assertEquals("10", denied.headers().firstValue("retry-after").orElseThrow());

        CLOCK.set(T0 + 60_000);
        assertEquals(200, status("sk-fixed"));
        assertEquals(200, status("sk-fixed"));
        assertEquals(429, status("sk-fixed"));
        // the fixed window let 4 requests through within 10 s; the stats see it
        assertEquals(4, sim.stats().key("sk-fixed").maxRequestsInAnyWindow());
    }

    @Test
    void rollingCountsTheLastSixtySecondsExactly() {
        sim.setKey("sk-rolling", KeyLimits.of(2, 0, 0, 0)); // simulator default: rolling
        assertEquals(200, status("sk-rolling"));
        CLOCK.set(T0 + 30_000);
        assertEquals(200, status("sk-rolling"));

        CLOCK.set(T0 + 59_999);
        HttpResponse<String> denied = call("sk-rolling");
        assertEquals(429, denied.statusCode());
        assertEquals("1", denied.headers().firstValue("retry-after").orElseThrow());

        CLOCK.set(T0 + 60_000); // the request at T0 leaves the window
        assertEquals(200, status("sk-rolling"));
        HttpResponse<String> again = call("sk-rolling");
        assertEquals(429, again.statusCode());
        assertEquals("30", again.headers().firstValue("retry-after").orElseThrow());
        assertEquals(2, sim.stats().key("sk-rolling").maxRequestsInAnyWindow());
    }

    @Test
    void tokenBucketRefillsOneRequestPerSecondAtSixtyRpm() {
        sim.setKey("sk-bucket", KeyLimits.of(60, 0, 0, 0).withWindow(WindowPolicy.TOKEN_BUCKET));
        for (int i = 0; i < 60; i++) {
            assertEquals(200, status("sk-bucket"), "burst request " + i);
        }
        HttpResponse<String> denied = call("sk-bucket");
        assertEquals(429, denied.statusCode());
        assertEquals("1", denied.headers().firstValue("retry-after").orElseThrow());
        assertEquals("0", denied.headers().firstValue("x-ratelimit-remaining-requests")
                .orElseThrow());
        assertEquals("1m0s", denied.headers().firstValue("x-ratelimit-reset-requests")
                .orElseThrow(), "an empty bucket is full again after one minute");

        CLOCK.advance(1_000);
        assertEquals(200, status("sk-bucket"));
        assertEquals(429, status("sk-bucket"));

        CLOCK.advance(30_000);
        int accepted = 0;
        while (status("sk-bucket") == 200) {
            accepted++;
        }
        assertEquals(30, accepted);
    }

    private HttpResponse<String> call(String key) {
        return client.chat(key, SimClient.chatBody("Hi"));
    }

    private int status(String key) {
        return call(key).statusCode();
    }
}
