package sluice.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.EncodingType;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The two TPM charging modes, side by side, on a frozen clock. */
class TpmChargeTest {

    private static final ManualClock CLOCK = new ManualClock();
    /** Prompt tokens of chatBody("Hi"): reply priming + message framing + content. */
    private static final int PROMPT = 3 + 3 + Encodings.newDefaultEncodingRegistry()
            .getEncoding(EncodingType.O200K_BASE).countTokens("Hi");
    private static final int COMPLETION = 16;

    private static ProviderSim maxTokensSim;
    private static ProviderSim actualSim;

    @BeforeAll
    static void start() {
        maxTokensSim = ProviderSim.start(config(TpmCharge.PROMPT_PLUS_MAX_TOKENS));
        actualSim = ProviderSim.start(config(TpmCharge.PROMPT_PLUS_ACTUAL));
    }

    private static SimConfig config(TpmCharge charge) {
        return SimConfig.builder()
                .timeSource(CLOCK)
                .tpmCharge(charge)
                .faults(Faults.inherit().withCompletionTokens(COMPLETION))
                .eventLoops(1)
                .build();
    }

    @AfterAll
    static void stop() {
        maxTokensSim.close();
        actualSim.close();
    }

    @Test
    void maxTokensModeChargesPromptPlusMaxTokensAtArrival() {
        maxTokensSim.setKey("sk-max", KeyLimits.of(0, 100, 0, 0));
        SimClient client = new SimClient(maxTokensSim);
        HttpResponse<String> first = client.chat("sk-max",
                SimClient.chatBody("Hi").put("max_tokens", 40));
        assertEquals(200, first.statusCode());
        assertEquals(Integer.toString(100 - (PROMPT + 40)),
                first.headers().firstValue("x-ratelimit-remaining-tokens").orElseThrow());

        // no max_tokens: charged prompt + the configured completion length
        assertEquals(200, client.chat("sk-max", SimClient.chatBody("Hi")).statusCode());
        long charged = 2L * PROMPT + 40 + COMPLETION;
        HttpResponse<String> denied = client.chat("sk-max",
                SimClient.chatBody("Hi").put("max_tokens", 100 - (int) charged));
        assertEquals(429, denied.statusCode());
        JsonNode error = SimClient.json(denied).get("error");
        assertEquals("tokens", error.get("type").asText());
        assertEquals("rate_limit_exceeded", error.get("code").asText());

        KeyStats stats = maxTokensSim.stats().key("sk-max");
        assertEquals(charged, stats.maxTokensInAnyWindow());
        assertEquals(1, stats.rejected(RejectReason.TPM));
    }

    @Test
    void maxTokensModeRefusesARequestWhoseMaxTokensCannotFit() {
        maxTokensSim.setKey("sk-max-big", KeyLimits.of(0, 100, 0, 0));
        HttpResponse<String> denied = new SimClient(maxTokensSim).chat("sk-max-big",
                SimClient.chatBody("Hi").put("max_tokens", 1_000));
        assertEquals(429, denied.statusCode());
        assertEquals("60", denied.headers().firstValue("retry-after").orElseThrow());
    }

    @Test
    void actualModeAdmitsWhileUsageIsUnderTheLimitAndChargesCompletionsAfterwards() {
        actualSim.setKey("sk-actual", KeyLimits.of(0, 50, 0, 0));
        SimClient client = new SimClient(actualSim);
        int perRequest = PROMPT + COMPLETION; // 23 with "Hi"
        int admitted = 0;
        while (client.chat("sk-actual", SimClient.chatBody("Hi").put("max_tokens", 1_000))
                .statusCode() == 200) {
            admitted++;
        }
        // admitted while used < 50: 0 -> 23 -> 46 -> 69, then refused
        assertEquals((50 + perRequest - 1) / perRequest, admitted);
        KeyStats stats = actualSim.stats().key("sk-actual");
        assertEquals((long) admitted * perRequest, stats.maxTokensInAnyWindow());
        assertEquals((long) admitted * COMPLETION, stats.completionTokens());
        assertEquals(1, stats.rejected(RejectReason.TPM));
    }
}
