package sluice.quota.redis;

import java.time.Duration;
import java.util.function.Supplier;

/** Waits for something real (a restarted server, an expiring lock) without a fixed sleep. */
final class Poll {
    private Poll() {
    }

    /** @return the first non-null answer of {@code probe}, or null after {@code limit} */
    static <T> T until(Duration limit, Supplier<T> probe) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            pause(100);
        }
        return null;
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
