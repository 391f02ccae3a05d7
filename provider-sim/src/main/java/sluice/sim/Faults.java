package sluice.sim;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Injected faults and answer shape, globally or per key. A {@code null} field inherits: a key's
 * faults inherit the global ones, global faults set at run time inherit the start-up config.
 *
 * @param latencyMs delay before the answer (for streams: before the first chunk)
 * @param chunkDelayMs delay between two stream chunks
 * @param completionTokens completion length in tokens (o200k_base), capped by max_tokens
 * @param serverErrorRate share of requests answered 500 or 503, 0..1
 * @param hangRate share of accepted requests never answered (closed after the hang limit or
 *     when the client goes away), 0..1
 * @param cutStreamRate share of accepted streams whose connection is closed mid-way, without
 *     {@code [DONE]}, 0..1
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Faults(Long latencyMs, Long chunkDelayMs, Integer completionTokens,
                     Double serverErrorRate, Double hangRate, Double cutStreamRate) {

    /** Completion length when nothing else is configured. */
    public static final int DEFAULT_COMPLETION_TOKENS = 16;

    public Faults {
        requireAtLeastZero(latencyMs, "latencyMs");
        requireAtLeastZero(chunkDelayMs, "chunkDelayMs");
        requireAtLeastZero(completionTokens == null ? null : completionTokens.longValue(),
                "completionTokens");
        requireRate(serverErrorRate, "serverErrorRate");
        requireRate(hangRate, "hangRate");
        requireRate(cutStreamRate, "cutStreamRate");
    }

    /** @return faults that change nothing: every field inherits */
    public static Faults inherit() {
        return new Faults(null, null, null, null, null, null);
    }

    /** @return no latency, no errors, {@value #DEFAULT_COMPLETION_TOKENS}-token completions */
    public static Faults defaults() {
        return new Faults(0L, 0L, DEFAULT_COMPLETION_TOKENS, 0.0, 0.0, 0.0);
    }

    /** @return these faults where set, {@code base}'s elsewhere */
    public Faults over(Faults base) {
        return new Faults(
                latencyMs != null ? latencyMs : base.latencyMs,
                chunkDelayMs != null ? chunkDelayMs : base.chunkDelayMs,
                completionTokens != null ? completionTokens : base.completionTokens,
                serverErrorRate != null ? serverErrorRate : base.serverErrorRate,
                hangRate != null ? hangRate : base.hangRate,
                cutStreamRate != null ? cutStreamRate : base.cutStreamRate);
    }

    public Faults withLatencyMs(long value) {
        return new Faults(value, chunkDelayMs, completionTokens, serverErrorRate, hangRate,
                cutStreamRate);
    }

    public Faults withChunkDelayMs(long value) {
        return new Faults(latencyMs, value, completionTokens, serverErrorRate, hangRate,
                cutStreamRate);
    }

    public Faults withCompletionTokens(int value) {
        return new Faults(latencyMs, chunkDelayMs, value, serverErrorRate, hangRate,
                cutStreamRate);
    }

    public Faults withServerErrorRate(double value) {
        return new Faults(latencyMs, chunkDelayMs, completionTokens, value, hangRate,
                cutStreamRate);
    }

    public Faults withHangRate(double value) {
        return new Faults(latencyMs, chunkDelayMs, completionTokens, serverErrorRate, value,
                cutStreamRate);
    }

    public Faults withCutStreamRate(double value) {
        return new Faults(latencyMs, chunkDelayMs, completionTokens, serverErrorRate, hangRate,
                value);
    }

    private static void requireAtLeastZero(Long value, String name) {
        if (value != null && value < 0) {
            throw new IllegalArgumentException(name + " must be >= 0");
        }
    }

    private static void requireRate(Double value, String name) {
        if (value != null && !(value >= 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException(name + " must be within 0..1");
        }
    }
}
