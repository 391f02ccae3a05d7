package sluice.sim;

/**
 * Bucket holding up to {@code limit} units, refilled continuously at {@code limit} per period.
 * A request takes units out; an unconditional charge may drive the level below zero (debt).
 * Exact integer arithmetic: the level is kept in 1/period units, so refilling for one
 * millisecond adds exactly {@code limit} of them.
 */
final class TokenBucket implements RateWindow {

    private final long limit;
    private final long periodMillis;
    private final long capacity;
    private long level;
    private long lastRefill = Long.MIN_VALUE;

    TokenBucket(long limit, long periodMillis) {
        this.limit = limit;
        this.periodMillis = periodMillis;
        this.capacity = Math.multiplyExact(limit, periodMillis);
        this.level = capacity;
    }

    @Override
    public long limit() {
        return limit;
    }

    @Override
    public long used(long now) {
        refill(now);
        return ceilDiv(capacity - level, periodMillis);
    }

    @Override
    public long waitMillis(long amount, long now) {
        refill(now);
        long needed = Math.multiplyExact(amount, periodMillis);
        if (level >= needed) {
            return 0;
        }
        if (amount > limit) {
            return periodMillis;
        }
        return ceilDiv(needed - level, limit);
    }

    @Override
    public void record(long amount, long now) {
        refill(now);
        level -= Math.multiplyExact(amount, periodMillis);
    }

    @Override
    public long resetMillis(long now) {
        refill(now);
        return ceilDiv(capacity - level, limit);
    }

    private void refill(long now) {
        if (lastRefill != Long.MIN_VALUE && now > lastRefill) {
            long elapsed = now - lastRefill;
            long room = capacity - level;
            level = elapsed >= ceilDiv(room, limit) ? capacity : level + elapsed * limit;
        }
        if (lastRefill == Long.MIN_VALUE || now > lastRefill) {
            lastRefill = now;
        }
    }

    private static long ceilDiv(long dividend, long divisor) {
        return dividend <= 0 ? 0 : -Math.floorDiv(-dividend, divisor);
    }
}
