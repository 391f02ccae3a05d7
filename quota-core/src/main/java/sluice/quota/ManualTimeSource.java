package sluice.quota;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that only moves when a test moves it. Kept in main code so tests of other modules can
 * drive the quota store's time (pass it to {@code RedisQuotaSettings.withClock}).
 */
public final class ManualTimeSource implements TimeSource {
    private final AtomicLong now;

    public ManualTimeSource(long startMillis) {
        this.now = new AtomicLong(startMillis);
    }

    public ManualTimeSource(Instant start) {
        this(start.toEpochMilli());
    }

    @Override
    public long nowMillis() {
        return now.get();
    }

    /** Moves the clock forward (or back, for a negative amount) and returns the new time. */
    public long advance(Duration by) {
        return advanceMillis(by.toMillis());
    }

    public long advanceMillis(long millis) {
        return now.addAndGet(millis);
    }

    public void set(long epochMillis) {
        now.set(epochMillis);
    }
}
