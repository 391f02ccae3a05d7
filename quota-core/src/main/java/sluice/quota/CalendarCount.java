package sluice.quota;

import java.time.ZoneId;

/**
 * Requests and tokens of one calendar period (a day or a month in a reset zone) inside one JVM:
 * the Java twin of {@code day_window.lua}, used by {@link LocalKeyQuota}. Not thread-safe.
 */
final class CalendarCount {
    /** How a period is found: {start, end} of the period holding a time, in a zone. */
    interface Period {
        long[] of(long nowMillis, ZoneId zone);
    }

    private final Period period;
    private long start = Long.MIN_VALUE;
    private long end = Long.MIN_VALUE;
    private long requests;
    private long tokens;

    CalendarCount(Period period) {
        this.period = period;
    }

    /** Moves to the period holding {@code now}, starting it at zero when it is a new one. */
    void roll(long now, ZoneId zone) {
        if (now >= start && now < end) {
            return;
        }
        long[] bounds = period.of(now, zone);
        start = bounds[0];
        end = bounds[1];
        requests = 0;
        tokens = 0;
    }

    void charge(long requestCount, long tokenCount) {
        requests += requestCount;
        tokens += tokenCount;
    }

    /** Adds request and token corrections when {@code chargedStart} is still the current period; never below 0. */
    void settle(long chargedStart, long requestDelta, long tokenDelta) {
        if (chargedStart == start) {
            requests = Math.max(0, requests + requestDelta);
            tokens = Math.max(0, tokens + tokenDelta);
        }
    }

    long start() {
        return start;
    }

    long end() {
        return end;
    }

    long requests() {
        return requests;
    }

    long tokens() {
        return tokens;
    }

    /** @return the period's counts while {@code now} is inside it, else zero */
    WindowCount at(long now) {
        return now >= start && now < end ? new WindowCount(requests, tokens) : WindowCount.ZERO;
    }
}
