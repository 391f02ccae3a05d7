package sluice.quota;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * This replica's last view of each key's headroom, learnt from its own admissions, denials and
 * cooldown/disable calls. Eventually consistent and only a hint for key choice: Redis admission
 * stays the only truth. A key never seen has full headroom; a key known blocked until T is
 * skipped until T, but never for longer than {@code maxSkipMillis} (another replica may have
 * lifted the block, and only an admission attempt can tell).
 */
public final class KeyHeadroomCache {
    private record Entry(double headroom, long blockedUntil) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final TimeSource clock;
    private final long maxSkipMillis;
    private final LongAdder lookups = new LongAdder();

    public KeyHeadroomCache(TimeSource clock, long maxSkipMillis) {
        this.clock = clock;
        this.maxSkipMillis = maxSkipMillis;
    }

    /** Skips a blocked key for at most two seconds before asking the store again. */
    public KeyHeadroomCache(TimeSource clock) {
        this(clock, 2_000);
    }

    /** Learns from an admission. */
    public void recordUsage(String keyId, KeyUsage usage) {
        entries.put(keyId, new Entry(usage.headroom(), 0));
    }

    /** Learns that the key will refuse requests until {@code untilMillis}. */
    public void recordBlocked(String keyId, long untilMillis) {
        long capped = Math.min(untilMillis, saturatedAdd(clock.nowMillis(), maxSkipMillis));
        entries.compute(keyId, (id, old) -> new Entry(0.0,
                Math.max(capped, old == null ? 0 : old.blockedUntil())));
    }

    /** Learns from the provider's own headers: nothing left until a reset blocks the key until then. */
    public void recordProviderView(String keyId, ProviderRateView view) {
        long blocked = view.blocksUntil(clock.nowMillis());
        if (blocked > 0) {
            recordBlocked(keyId, blocked);
        }
    }

    /** Forgets what was known about the key (enabled, cooldown cleared). */
    public void forget(String keyId) {
        entries.remove(keyId);
    }

    /** @return when the key's known block ends, or 0 when it is not known blocked now */
    public long blockedUntil(String keyId) {
        lookups.increment();
        Entry entry = entries.get(keyId);
        return entry != null && entry.blockedUntil() > clock.nowMillis() ? entry.blockedUntil() : 0;
    }

    public boolean isBlocked(String keyId) {
        return blockedUntil(keyId) > 0;
    }

    /** @return the last known headroom (1.0 when unknown, or once a block has passed) */
    public double headroom(String keyId) {
        lookups.increment();
        Entry entry = entries.get(keyId);
        if (entry == null) {
            return 1.0;
        }
        return entry.blockedUntil() > 0 && entry.blockedUntil() <= clock.nowMillis() ? 1.0 : entry.headroom();
    }

    /** Cache reads so far; the key-choice test shows this does not grow with the pool. */
    public long lookups() {
        return lookups.sum();
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }
}
