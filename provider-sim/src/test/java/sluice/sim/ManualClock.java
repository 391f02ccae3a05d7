package sluice.sim;

import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves only when a test moves it. */
final class ManualClock implements TimeSource {

    /** 2027-01-15T08:00:00Z: a whole minute, 8 hours into a UTC day. */
    static final long START = 1_800_000_000_000L;

    private final AtomicLong now = new AtomicLong(START);

    @Override
    public long nowMillis() {
        return now.get();
    }

    void set(long millis) {
        now.set(millis);
    }

    void advance(long millis) {
        now.addAndGet(millis);
    }
}
