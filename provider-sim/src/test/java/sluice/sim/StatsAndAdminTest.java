package sluice.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The /_sim admin API and the stats a gateway test checks its invariants against. */
class StatsAndAdminTest {

    private static final long T0 = ManualClock.START; // a whole minute
    private static final ManualClock CLOCK = new ManualClock();
    private static final int CHARGE = 7 + 16; // chatBody("Hi"): prompt 7 + default completion

    private static ProviderSim sim;
    private static SimClient client;

    @BeforeAll
    static void start() {
        sim = ProviderSim.start(SimConfig.builder().timeSource(CLOCK).eventLoops(1).build());
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
    void maxInAnyWindowAndMinuteBucketsFollowTheArrivalLog() {
        sim.setKey("sk-log", KeyLimits.unlimited());
        for (long offset : new long[] {0, 10_000, 50_000, 70_000, 75_000, 109_000}) {
            CLOCK.set(T0 + offset);
            assertEquals(200, client.chat("sk-log", SimClient.chatBody("Hi")).statusCode());
        }
        KeyStats stats = sim.stats().key("sk-log");
        // busiest 60 s: (49 s, 109 s] holds the requests at 50, 70, 75 and 109 s
        assertEquals(4, stats.maxRequestsInAnyWindow());
        assertEquals(4L * CHARGE, stats.maxTokensInAnyWindow());
        assertEquals(List.of(new MinuteBucket(T0, 3, 3L * CHARGE),
                new MinuteBucket(T0 + 60_000, 3, 3L * CHARGE)), stats.minutes());
        assertEquals(6, stats.accepted());
        assertEquals(6L * 7, stats.promptTokens());
        assertEquals(6L * 16, stats.completionTokens());
    }

    @Test
    void statsJsonMatchesTheJavaSnapshot() {
        sim.setKey("sk-json", KeyLimits.of(1, 0, 0, 0));
        client.chat("sk-json", SimClient.chatBody("Hi"));
        client.chat("sk-json", SimClient.chatBody("Hi"));
        client.chatRaw("sk-json", "not json");
        client.chat("sk-wrong", SimClient.chatBody("Hi"));

        HttpResponse<String> response = client.admin("GET", "/stats", null);
        assertEquals(200, response.statusCode());
        JsonNode json = SimClient.json(response);
        JsonNode key = json.at("/keys/sk-json");
        assertEquals(1, key.get("accepted").asLong());
        assertEquals(1, key.at("/rejected/rpm").asLong());
        assertEquals(1, key.at("/rejected/bad_request").asLong());
        assertEquals(0, key.at("/rejected/tpm").asLong());
        assertEquals(1, key.get("maxRequestsInAnyWindow").asLong());
        assertEquals(1, key.at("/limits/rpm").asLong());
        assertEquals(T0, key.at("/minutes/0/minuteStartMillis").asLong());
        assertTrue(json.get("unauthorized").asLong() >= 1);
        assertEquals(sim.stats().key("sk-json").accepted(), key.get("accepted").asLong());
    }

    @Test
    void resetClearsCountersAndWindowsButKeepsKeys() {
        sim.setKey("sk-reset", KeyLimits.of(1, 0, 0, 0));
        assertEquals(200, client.chat("sk-reset", SimClient.chatBody("Hi")).statusCode());
        assertEquals(429, client.chat("sk-reset", SimClient.chatBody("Hi")).statusCode());

        assertEquals(204, client.admin("POST", "/reset", null).statusCode());
        KeyStats cleared = sim.stats().key("sk-reset");
        assertEquals(0, cleared.accepted());
        assertEquals(0, cleared.rejected(RejectReason.RPM));
        assertEquals(0, cleared.maxRequestsInAnyWindow());
        assertTrue(cleared.minutes().isEmpty());
        assertEquals(0, sim.stats().unauthorized());
        assertEquals(200, client.chat("sk-reset", SimClient.chatBody("Hi")).statusCode(),
                "the RPM window restarted, the key survived");
    }

    @Test
    void keysAreAddedUpdatedAndDeletedOverHttp() {
        HttpResponse<String> put = client.admin("PUT", "/keys/sk-admin",
                "{\"rpm\":1,\"window\":\"fixed\",\"faults\":{\"completionTokens\":4}}");
        assertEquals(204, put.statusCode());
        JsonNode answer = SimClient.json(client.chat("sk-admin", SimClient.chatBody("Hi")));
        assertEquals(4, answer.at("/usage/completion_tokens").asInt());
        assertEquals(429, client.chat("sk-admin", SimClient.chatBody("Hi")).statusCode());
        assertEquals(WindowPolicy.FIXED_MINUTE, sim.stats().key("sk-admin").limits().window());

        assertEquals(204, client.admin("PUT", "/keys/sk-admin", "{\"rpm\":2}").statusCode());
        assertEquals(200, client.chat("sk-admin", SimClient.chatBody("Hi")).statusCode(),
                "a changed limit restarts the key's windows");

        assertEquals(204, client.admin("DELETE", "/keys/sk-admin", null).statusCode());
        assertEquals(401, client.chat("sk-admin", SimClient.chatBody("Hi")).statusCode());
        assertEquals(404, client.admin("DELETE", "/keys/sk-admin", null).statusCode());
    }

    @Test
    void invalidAdminBodiesAre400() {
        assertEquals(400, client.admin("PUT", "/keys/sk-bad", "{\"rpm\":-1}").statusCode());
        assertEquals(400, client.admin("PUT", "/keys/sk-bad", "{\"window\":\"weekly\"}")
                .statusCode());
        assertEquals(400, client.admin("PUT", "/keys/sk-bad", "{\"rpmm\":1}").statusCode());
        assertEquals(400, client.admin("PUT", "/keys/sk-bad", "").statusCode());
        assertEquals(401, client.chat("sk-bad", SimClient.chatBody("Hi")).statusCode());
        assertEquals(404, client.admin("GET", "/nothing", null).statusCode());
    }
}
