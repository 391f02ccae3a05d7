package sluice.sim;

/**
 * One counted limit of one key (requests or tokens, per minute or per day). Not thread-safe:
 * the owning {@link KeyState} calls it under its lock, with the time read under that lock.
 */
interface RateWindow {

    /** Window length of the per-minute limits. */
    long MINUTE_MILLIS = 60_000L;
    /** Window length of the per-day limit. */
    long DAY_MILLIS = 86_400_000L;

    /** @return the configured limit (> 0) */
    long limit();

    /** @return the amount counted against the limit at {@code now} (may exceed the limit) */
    long used(long now);

    /**
     * @return 0 when {@code amount} more fits under the limit at {@code now}, else the
     *     milliseconds until it would fit (one full window when it can never fit)
     */
    long waitMillis(long amount, long now);

    /** Counts {@code amount} at {@code now}, unconditionally. */
    void record(long amount, long now);

    /** @return milliseconds until nothing is counted any more (0 when nothing is) */
    long resetMillis(long now);

    /** @return the headroom left at {@code now}, never negative */
    default long remaining(long now) {
        return Math.max(0, limit() - used(now));
    }

    /** Builds the window {@code policy} describes, for a per-minute limit. */
    static RateWindow perMinute(WindowPolicy policy, long limit) {
        return switch (policy) {
            case FIXED_MINUTE -> new FixedWindow(limit, MINUTE_MILLIS);
            case ROLLING_60S -> new RollingWindow(limit, MINUTE_MILLIS);
            case TOKEN_BUCKET -> new TokenBucket(limit, MINUTE_MILLIS);
        };
    }
}
