package sluice.quota;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TokenEstimatorTest {
    private static final String ARABIC = "مرحبا بكم في بوابة سلويس. نحن نختبر عدد الرموز في النص العربي لأن التقدير"
            + " حسب طول النص كان يقلل العدد ويتسبب في تجاوز حدود الرموز في الدقيقة لدى مزودي النماذج.";
    private static final String CHINESE = "欢迎使用网关服务。我们正在测试中文文本的令牌数量，因为按文本长度估算会低估数量，导致超出每分钟令牌限制。";

    private final TokenEstimator estimator = new TokenEstimator(512);

    private static long charsOverFour(String text) {
        return text.length() / 4;
    }

    private long counted(String model, String text) {
        return estimator.countPrompt(model, List.of(text)) - TokenEstimator.PER_REQUEST_OVERHEAD
                - TokenEstimator.PER_MESSAGE_OVERHEAD;
    }

    @Test
    void arabicAndChineseAreCountedByTheTokenizerNotByLength() {
        // measured: o200k Arabic 49 tokens for 159 chars (chars/4 = 39); cl100k 110; Chinese 35 for 52 chars
        assertTrue(counted("gpt-4o", ARABIC) >= 1.2 * charsOverFour(ARABIC), "o200k Arabic");
        assertTrue(counted("gpt-4", ARABIC) >= 2.5 * charsOverFour(ARABIC), "cl100k Arabic");
        assertTrue(counted("deepseek-chat", CHINESE) >= 2.5 * charsOverFour(CHINESE), "o200k Chinese");
    }

    @Test
    void promptCountIncludesMessageFraming() {
        long one = estimator.countPrompt("gpt-4o", List.of("hello"));
        long two = estimator.countPrompt("gpt-4o", List.of("hello", "hello"));
        assertEquals(one - TokenEstimator.PER_REQUEST_OVERHEAD, two - one);
    }

    @Test
    void correctionFactorConvergesToWhatTheProviderReports() {
        // a provider whose tokenizer sees 1.8x what o200k counts (e.g. Arabic on an older vocabulary)
        for (int i = 0; i < 40; i++) {
            estimator.learn("glm-4", 1000, 1800, 200);
        }
        assertEquals(1.8, estimator.promptFactor("glm-4"), 0.01);
        long counted = estimator.countPrompt("glm-4", List.of(ARABIC));
        assertEquals(Math.ceil(counted * estimator.promptFactor("glm-4")),
                estimator.estimatePrompt("glm-4", List.of(ARABIC)), 0.0);
        assertEquals(1.0, estimator.promptFactor("another-model"), "learnt per model");
    }

    @Test
    void correctionFactorIsBounded() {
        for (int i = 0; i < 100; i++) {
            estimator.learn("wild", 100, 10_000, 10);
            estimator.learn("tiny", 10_000, 100, 10);
        }
        assertEquals(3.0, estimator.promptFactor("wild"));
        assertEquals(0.5, estimator.promptFactor("tiny"));
    }

    @Test
    void completionIsReservedFromTheEstimateNotFromAHugeMaxTokens() {
        assertEquals(512, estimator.estimateCompletion("claude-sonnet", 128_000));
        assertEquals(512, estimator.estimateCompletion("claude-sonnet", null));
        assertEquals(100, estimator.estimateCompletion("claude-sonnet", 100), "capped by max_tokens");
        assertEquals(1000 + 512, estimator.estimateReservation("claude-sonnet", 1000, 32_000, false));
        assertEquals(1000 + 32_000, estimator.estimateReservation("claude-sonnet", 1000, 32_000, true),
                "a provider that charges max_tokens at arrival");
    }

    @Test
    void completionEstimateLearnsAnUpperQuantileOfReportedLengths() {
        Random random = new Random(7);
        long[] reported = new long[400];
        for (int i = 0; i < reported.length; i++) {
            reported[i] = Math.round(Math.exp(5.5 + 0.6 * random.nextGaussian())); // median ~245 tokens
            estimator.learn("kimi", 100, 100, reported[i]);
        }
        long estimate = estimator.estimateCompletion("kimi", 64_000);
        long[] recent = Arrays.copyOfRange(reported, 200, 400);
        long above = Arrays.stream(recent).filter(r -> r > estimate).count();
        double mean = Arrays.stream(recent).average().orElseThrow();
        assertTrue(above <= 0.2 * recent.length, above + " of 200 completions exceeded the estimate " + estimate);
        assertTrue(estimate < 3 * mean, "estimate " + estimate + " vs mean " + mean);
    }

    @Test
    void steadyCompletionsConvergeToTheirLength() {
        for (int i = 0; i < 200; i++) {
            estimator.learn("qwen-max", 100, 100, 300);
        }
        assertEquals(300, estimator.estimateCompletion("qwen-max", null), 5);
    }
}
