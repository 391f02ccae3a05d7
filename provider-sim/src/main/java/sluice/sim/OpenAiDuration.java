package sluice.sim;

/**
 * Formats durations the way OpenAI's {@code x-ratelimit-reset-*} headers do (Go's
 * {@code time.Duration} text, millisecond precision): {@code 20ms}, {@code 1s}, {@code 1.5s},
 * {@code 6m0s}, {@code 1h2m3s}.
 */
final class OpenAiDuration {

    private OpenAiDuration() {
    }

    static String format(long millis) {
        if (millis <= 0) {
            return "0s";
        }
        if (millis < 1_000) {
            return millis + "ms";
        }
        long hours = millis / 3_600_000;
        long minutes = millis % 3_600_000 / 60_000;
        long seconds = millis % 60_000 / 1_000;
        long fraction = millis % 1_000;
        StringBuilder text = new StringBuilder(12);
        if (hours > 0) {
            text.append(hours).append('h');
        }
        if (hours > 0 || minutes > 0) {
            text.append(minutes).append('m');
        }
        text.append(seconds);
        if (fraction > 0) {
            String digits = String.format("%03d", fraction);
            int end = digits.length();
            while (digits.charAt(end - 1) == '0') {
                end--;
            }
            text.append('.').append(digits, 0, end);
        }
        return text.append('s').toString();
    }

    /** @return whole seconds for a Retry-After header: rounded up, at least 1 */
    static long retryAfterSeconds(long millis) {
        return Math.max(1, (millis + 999) / 1_000);
    }
}
