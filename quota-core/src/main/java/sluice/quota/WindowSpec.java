package sluice.quota;

/**
 * Shape of the rolling window: its length and the length of the sub-buckets it is counted in
 * (ADR 0001). A smaller bucket wastes less quota at the window's trailing edge and costs more
 * hash fields. The window may be a little longer than the provider's minute (a margin against
 * network jitter, e.g. 61 s): what holds for every window of that length holds for every minute.
 */
public record WindowSpec(long windowMillis, long bucketMillis) {

    /** One minute in 100 ms buckets. */
    public static final WindowSpec MINUTE = new WindowSpec(60_000, 100);

    /** A minute plus a margin, in 100 ms buckets (the margin is rounded up to whole buckets). */
    public static WindowSpec minutePlus(java.time.Duration margin) {
        long bucket = 100;
        long marginMillis = (margin.toMillis() + bucket - 1) / bucket * bucket;
        return new WindowSpec(60_000 + marginMillis, bucket);
    }

    /** Bounds every walk over the buckets (e.g. 61 s in 100 ms buckets = 610). */
    public static final int MAX_BUCKETS = 1200;

    public WindowSpec {
        if (bucketMillis <= 0 || windowMillis <= 0 || windowMillis % bucketMillis != 0) {
            throw new IllegalArgumentException("window must be a positive multiple of the bucket: "
                    + windowMillis + "/" + bucketMillis);
        }
        if (windowMillis / bucketMillis > MAX_BUCKETS) {
            throw new IllegalArgumentException("more than " + MAX_BUCKETS + " buckets per window");
        }
    }

    /** Number of whole buckets in one window. */
    public long span() {
        return windowMillis / bucketMillis;
    }

    public long bucketOf(long nowMillis) {
        return Math.floorDiv(nowMillis, bucketMillis);
    }

    /** The time at which bucket {@code index} stops being counted: its end plus one window. */
    public long leavesWindowAt(long index) {
        return (index + 1) * bucketMillis + windowMillis;
    }
}
