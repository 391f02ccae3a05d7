package sluice.router.health;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * This replica's share of passive health, counted in memory per second and provider while
 * requests run (no Redis call on the request path); the background sync takes the finished
 * seconds out and adds them to the shared buckets in Redis.
 */
final class PassiveTally {
    private final Map<Long, Map<String, AtomicLongArray>> bySecond = new ConcurrentHashMap<>();
    private final long slowMillis;

    PassiveTally(long slowMillis) {
        this.slowMillis = slowMillis;
    }

    /** Counts one call that ended at {@code nowMillis}; {@code latencyMillis} < 0 when no answer came. */
    void record(String provider, CallOutcome outcome, long latencyMillis, long nowMillis) {
        AtomicLongArray counts = bySecond.computeIfAbsent(nowMillis / 1000, s -> new ConcurrentHashMap<>())
                .computeIfAbsent(provider, p -> new AtomicLongArray(TrafficCounts.SIZE));
        counts.incrementAndGet(outcome.ordinal());
        if (latencyMillis >= 0) {
            counts.incrementAndGet(TrafficCounts.binOf(latencyMillis));
            if (latencyMillis > slowMillis) {
                counts.incrementAndGet(TrafficCounts.SLOW);
            }
        }
    }

    /** Drops what was counted for the provider and not yet shared. */
    void forget(String provider) {
        bySecond.values().forEach(providers -> providers.remove(provider));
    }

    /**
     * Removes and returns the seconds before {@code second} (the current one may still be written).
     *
     * @return by second, by provider, the non-zero counters by name
     */
    Map<Long, Map<String, Map<String, Long>>> takeBefore(long second) {
        Map<Long, Map<String, Map<String, Long>>> taken = new HashMap<>();
        Iterator<Map.Entry<Long, Map<String, AtomicLongArray>>> it = bySecond.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Long, Map<String, AtomicLongArray>> entry = it.next();
            if (entry.getKey() >= second) {
                continue;
            }
            it.remove();
            Map<String, Map<String, Long>> providers = new HashMap<>();
            entry.getValue().forEach((provider, counts) -> providers.put(provider, nonZero(counts)));
            taken.put(entry.getKey(), providers);
        }
        return taken;
    }

    private static Map<String, Long> nonZero(AtomicLongArray counts) {
        Map<String, Long> named = new HashMap<>();
        for (int i = 0; i < counts.length(); i++) {
            long v = counts.get(i);
            if (v > 0) {
                named.put(TrafficCounts.NAMES[i], v);
            }
        }
        return named;
    }
}
