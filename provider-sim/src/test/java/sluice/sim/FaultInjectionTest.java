package sluice.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Injected latency, server errors, hangs and cut streams, per key. */
class FaultInjectionTest {

    private static ProviderSim sim;
    private static SimClient client;

    @BeforeAll
    static void start() {
        sim = ProviderSim.start(SimConfig.builder().maxHangMillis(700).eventLoops(2).build());
        client = new SimClient(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void serverErrorRateOneAnswers500Or503WithAnOpenAiBody() {
        sim.setKey("sk-5xx", KeyLimits.of(1_000, 0, 0, 0),
                Faults.inherit().withServerErrorRate(1.0));
        Set<Integer> statuses = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> response = client.chat("sk-5xx", SimClient.chatBody("Hi"));
            statuses.add(response.statusCode());
            assertEquals("server_error", SimClient.json(response).at("/error/type").asText());
        }
        assertEquals(Set.of(500, 503), statuses);
        KeyStats stats = sim.stats().key("sk-5xx");
        assertEquals(20, stats.rejected(RejectReason.SERVER_ERROR));
        assertEquals(0, stats.accepted());
        assertEquals(0, stats.maxRequestsInAnyWindow(), "errors are not charged");
    }

    @Test
    void faultDiceAreReproducibleForTheSameSeed() {
        List<Integer> first = statusesWithHalfErrors(7);
        assertEquals(first, statusesWithHalfErrors(7));
        assertTrue(first.contains(200) && (first.contains(500) || first.contains(503)),
                first.toString());
    }

    private static List<Integer> statusesWithHalfErrors(long seed) {
        try (ProviderSim seeded = ProviderSim.start(SimConfig.builder().seed(seed).eventLoops(1)
                .key("sk-dice", KeyLimits.unlimited(), Faults.inherit().withServerErrorRate(0.5))
                .build())) {
            SimClient seededClient = new SimClient(seeded);
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                statuses.add(seededClient.chat("sk-dice", SimClient.chatBody("Hi")).statusCode());
            }
            return statuses;
        }
    }

    @Test
    void latencyDelaysTheAnswer() {
        sim.setKey("sk-slow", KeyLimits.unlimited(), Faults.inherit().withLatencyMs(300));
        long start = System.nanoTime();
        HttpResponse<String> response = client.chat("sk-slow", SimClient.chatBody("Hi"));
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(200, response.statusCode());
        assertTrue(elapsedMillis >= 300, "answered after " + elapsedMillis + " ms");
    }

    @Test
    void cutStreamClosesTheConnectionMidwayWithoutDone() throws Exception {
        sim.setKey("sk-cut", KeyLimits.unlimited(),
                Faults.inherit().withCutStreamRate(1.0).withCompletionTokens(30));
        StreamCapture stream = client.stream("sk-cut", SimClient.streamBody("Hi", true));
        Throwable error = stream.await();

        assertNotNull(error, "the body must end in an error, not a clean end");
        assertInstanceOf(IOException.class, error);
        assertTrue(stream.body().contains("\"content\":\"the"), "some content came first");
        assertFalse(stream.body().contains("[DONE]"));
        KeyStats stats = sim.stats().key("sk-cut");
        assertEquals(1, stats.accepted());
        assertEquals(15, stats.completionTokens(), "5 of 10 pieces of 3 tokens were sent");
        assertEquals(0, stats.inFlight());
    }

    @Test
    void hungRequestIsClosedAfterTheHangLimitAndFreesItsSlot() {
        sim.setKey("sk-hang", KeyLimits.of(0, 0, 0, 1), Faults.inherit().withHangRate(1.0));
        long start = System.nanoTime();
        UncheckedIOException closed = assertThrows(UncheckedIOException.class,
                () -> client.chat("sk-hang", SimClient.chatBody("Hi")));
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(elapsedMillis >= 700, "closed after " + elapsedMillis + " ms");
        assertFalse(closed.getCause() instanceof HttpTimeoutException);
        assertEquals(0, sim.stats().key("sk-hang").inFlight());
        assertEquals(1, sim.stats().key("sk-hang").accepted());
    }

    @Test
    void clientGivingUpOnAHungRequestFreesItsSlot() throws Exception {
        try (ProviderSim patient = ProviderSim.start(SimConfig.builder().maxHangMillis(60_000)
                .key("sk-giveup", KeyLimits.of(0, 0, 0, 1), Faults.inherit().withHangRate(1.0))
                .eventLoops(1).build())) {
            SimClient patientClient = new SimClient(patient);
            var request = patientClient.chatRequest("sk-giveup",
                    SimClient.chatBody("Hi").toString()).timeout(Duration.ofMillis(300)).build();
            assertThrows(HttpTimeoutException.class, () -> patientClient.http()
                    .send(request, HttpResponse.BodyHandlers.ofString()));
            long deadline = System.nanoTime() + 5_000_000_000L; // far below the 60 s hang limit
            while (patient.stats().key("sk-giveup").inFlight() != 0
                    && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(0, patient.stats().key("sk-giveup").inFlight());
            assertEquals(1, patient.stats().key("sk-giveup").maxInFlight());
        }
    }

    @Test
    void globalFaultsApplyToKeysWithoutTheirOwn() {
        sim.setKey("sk-global", KeyLimits.unlimited());
        HttpResponse<String> set = client.admin("PUT", "/faults", "{\"completionTokens\":5}");
        assertEquals(200, set.statusCode());
        try {
            assertEquals(5, SimClient.json(client.chat("sk-global", SimClient.chatBody("Hi")))
                    .at("/usage/completion_tokens").asInt());
            sim.setKeyFaults("sk-global", Faults.inherit().withCompletionTokens(9));
            assertEquals(9, SimClient.json(client.chat("sk-global", SimClient.chatBody("Hi")))
                    .at("/usage/completion_tokens").asInt());
        } finally {
            sim.setFaults(Faults.inherit().withCompletionTokens(Faults.DEFAULT_COMPLETION_TOKENS));
        }
        assertEquals(400, client.admin("PUT", "/faults", "{\"hangRate\":2}").statusCode());
        assertEquals(400, client.admin("PUT", "/faults", "{\"latency\":5}").statusCode());
    }
}
