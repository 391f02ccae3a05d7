package sluice.sim;

/**
 * Exact sliding log: counts everything recorded in (now - period, now]. An amount recorded at
 * time t stops counting at t + period.
 */
final class RollingWindow implements RateWindow {

    private final long limit;
    private final long periodMillis;
    private final TimedAmounts log = new TimedAmounts(Integer.MAX_VALUE);
    private long total;

    RollingWindow(long limit, long periodMillis) {
        this.limit = limit;
        this.periodMillis = periodMillis;
    }

    @Override
    public long limit() {
        return limit;
    }

    @Override
    public long used(long now) {
        expire(now);
        return total;
    }

    @Override
    public long waitMillis(long amount, long now) {
        expire(now);
        if (total + amount <= limit) {
            return 0;
        }
        if (amount > limit) {
            return periodMillis;
        }
        long stillCounted = total;
        for (int i = 0; i < log.size(); i++) {
            stillCounted -= log.amount(i);
            if (stillCounted + amount <= limit) {
                return log.time(i) + periodMillis - now;
            }
        }
        return periodMillis;
    }

    @Override
    public void record(long amount, long now) {
        expire(now);
        log.add(now, amount);
        total += amount;
    }

    @Override
    public long resetMillis(long now) {
        expire(now);
        return log.size() == 0 ? 0 : log.time(log.size() - 1) + periodMillis - now;
    }

    private void expire(long now) {
        long cutoff = now - periodMillis;
        while (log.size() > 0 && log.time(0) <= cutoff) {
            total -= log.amount(0);
            log.removeFirst();
        }
    }
}
