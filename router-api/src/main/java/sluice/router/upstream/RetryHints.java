package sluice.router.upstream;

import io.vertx.core.MultiMap;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads when a rate-limited key may be used again from a provider's answer: {@code retry-after-ms},
 * {@code Retry-After} (seconds), {@code x-ratelimit-reset-requests} / {@code -tokens} (OpenAI's
 * {@code 6m0s}, {@code 1.5s}, {@code 20ms}); the latest of them wins.
 */
public final class RetryHints {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|h|m|s)");

    private RetryHints() {
    }

    /** @return the longest wait the headers ask for, or null when they name none */
    public static Duration retryAfter(MultiMap headers) {
        long best = -1;
        best = Math.max(best, millis(headers.get("retry-after-ms"), 1));
        best = Math.max(best, millis(headers.get("retry-after"), 1000));
        best = Math.max(best, duration(headers.get("x-ratelimit-reset-requests")));
        best = Math.max(best, duration(headers.get("x-ratelimit-reset-tokens")));
        return best < 0 ? null : Duration.ofMillis(best);
    }

    /** Parses {@code 6m0s}, {@code 1.5s}, {@code 20ms}, or plain seconds; -1 when unreadable. */
    static long duration(String value) {
        if (value == null || value.isBlank()) {
            return -1;
        }
        long plain = millis(value, 1000);
        if (plain >= 0) {
            return plain;
        }
        Matcher m = PART.matcher(value.trim());
        double total = 0;
        int end = 0;
        while (m.find()) {
            if (m.start() != end) {
                return -1;
            }
            double n = Double.parseDouble(m.group(1));
            total += switch (m.group(2)) {
                case "h" -> n * 3_600_000;
                case "m" -> n * 60_000;
                case "s" -> n * 1000;
                default -> n;
            };
            end = m.end();
        }
        return end == value.trim().length() && end > 0 ? (long) Math.ceil(total) : -1;
    }

    private static long millis(String value, long unit) {
        if (value == null) {
            return -1;
        }
        try {
            double n = Double.parseDouble(value.trim());
            return n < 0 ? -1 : (long) Math.ceil(n * unit);
        } catch (NumberFormatException notNumeric) {
            return -1;
        }
    }
}
