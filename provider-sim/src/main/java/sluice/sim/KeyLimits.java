package sluice.sim;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Limits of one simulated API key. A limit of 0 means unlimited.
 *
 * @param rpm requests per minute
 * @param tpm tokens per minute (charged as {@link TpmCharge} says)
 * @param rpd requests per UTC day; once used up the key answers {@code insufficient_quota}
 * @param concurrency requests in flight at once
 * @param window per-minute window policy for this key, or {@code null} for the simulator's
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KeyLimits(long rpm, long tpm, long rpd, int concurrency, WindowPolicy window) {

    public KeyLimits {
        if (rpm < 0 || tpm < 0 || rpd < 0 || concurrency < 0) {
            throw new IllegalArgumentException("limits must be >= 0 (0 = unlimited)");
        }
    }

    /** @return a key without any limit */
    public static KeyLimits unlimited() {
        return new KeyLimits(0, 0, 0, 0, null);
    }

    /** @return limits using the simulator's window policy */
    public static KeyLimits of(long rpm, long tpm, long rpd, int concurrency) {
        return new KeyLimits(rpm, tpm, rpd, concurrency, null);
    }

    public KeyLimits withRpm(long value) {
        return new KeyLimits(value, tpm, rpd, concurrency, window);
    }

    public KeyLimits withTpm(long value) {
        return new KeyLimits(rpm, value, rpd, concurrency, window);
    }

    public KeyLimits withRpd(long value) {
        return new KeyLimits(rpm, tpm, value, concurrency, window);
    }

    public KeyLimits withConcurrency(int value) {
        return new KeyLimits(rpm, tpm, rpd, value, window);
    }

    public KeyLimits withWindow(WindowPolicy value) {
        return new KeyLimits(rpm, tpm, rpd, concurrency, value);
    }
}
