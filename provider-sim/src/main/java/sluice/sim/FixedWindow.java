package sluice.sim;

/**
 * Counter reset on epoch-aligned boundaries: whole UTC minutes for RPM/TPM, UTC days for RPD.
 */
final class FixedWindow implements RateWindow {

    private final long limit;
    private final long periodMillis;
    private long windowStart = Long.MIN_VALUE;
    private long used;

    FixedWindow(long limit, long periodMillis) {
        this.limit = limit;
        this.periodMillis = periodMillis;
    }

    @Override
    public long limit() {
        return limit;
    }

    @Override
    public long used(long now) {
        roll(now);
        return used;
    }

    @Override
    public long waitMillis(long amount, long now) {
        roll(now);
        return used + amount <= limit ? 0 : windowStart + periodMillis - now;
    }

    @Override
    public void record(long amount, long now) {
        roll(now);
        used += amount;
    }

    @Override
    public long resetMillis(long now) {
        roll(now);
        return used == 0 ? 0 : windowStart + periodMillis - now;
    }

    /** @return milliseconds from {@code now} to the next boundary of this window's period */
    long untilNextBoundary(long now) {
        return periodMillis - Math.floorMod(now, periodMillis);
    }

    private void roll(long now) {
        long start = now - Math.floorMod(now, periodMillis);
        if (start != windowStart) {
            windowStart = start;
            used = 0;
        }
    }
}
