package sluice.bench.jmh;

import io.vertx.core.buffer.Buffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import sluice.router.openai.OpenAiDialect;
import sluice.router.openai.OpenAiError;
import sluice.router.routing.AttemptLog;
import sluice.router.routing.ClientResponses;

/**
 * The gateway's own answers in OpenAI's format: a 400 naming the bad field, and the 429 that
 * lists every key tried when all are rate limited (the answer a refused client gets at full load).
 */
@State(Scope.Benchmark)
public class ErrorRenderingBench {
    private final OpenAiError badField = OpenAiError.invalidRequest("messages[0].role", "'messages[0].role' must be a string");
    private AttemptLog allRateLimited;

    @Setup
    public void setUp() {
        allRateLimited = new AttemptLog();
        long retryAt = 1_700_000_060_000L;
        allRateLimited.record("deepseek", "deepseek-key-1", "rate limited (429)", retryAt);
        allRateLimited.record("deepseek", "deepseek-key-2", "denied: rpm", retryAt + 1_000);
        allRateLimited.record("qwen", "qwen-key-1", "rate limited (429)", retryAt + 2_000);
    }

    @Benchmark
    public Buffer invalidRequest() {
        return badField.body();
    }

    @Benchmark
    public Buffer allKeysRateLimited() {
        return ClientResponses.allFailedBody(OpenAiDialect.INSTANCE, allRateLimited);
    }
}
