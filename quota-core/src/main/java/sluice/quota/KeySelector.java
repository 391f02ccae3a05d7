package sluice.quota;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Chooses a key by the power of two choices over {@link KeyHeadroomCache}: draw random keys until
 * two are found that are neither tried already nor known blocked, keep the one with more
 * headroom. A choice reads the cache at most {@code 2 * maxDraws + 2} times whatever the pool
 * size: no scan, no sort. A pool no larger than {@code maxDraws} is walked from a random start
 * instead, so a small pool never misses its one free key. The price of the bound: in a large pool
 * where nearly every key is known blocked, the few free keys may be missed; the caller then
 * reports the soonest known unblock time.
 */
public final class KeySelector {
    private final KeyHeadroomCache cache;
    private final int maxDraws;

    /** @param maxDraws random draws allowed per candidate before giving up */
    public KeySelector(KeyHeadroomCache cache, int maxDraws) {
        if (maxDraws < 1) {
            throw new IllegalArgumentException("maxDraws < 1");
        }
        this.cache = cache;
        this.maxDraws = maxDraws;
    }

    /** Sixteen draws per candidate. */
    public KeySelector(KeyHeadroomCache cache) {
        this(cache, 16);
    }

    /**
     * @param keyIds  the provider's keys (any size; random access expected)
     * @param exclude keys already tried for this request
     */
    public KeyChoice choose(List<String> keyIds, Set<String> exclude) {
        long[] soonest = {Denied.NEVER};
        if (keyIds.isEmpty()) {
            return new KeyChoice(Optional.empty(), soonest[0]);
        }
        String first = draw(keyIds, exclude, null, soonest);
        if (first == null) {
            return new KeyChoice(Optional.empty(), soonest[0]);
        }
        String second = draw(keyIds, exclude, first, soonest);
        String chosen = second != null && cache.headroom(second) > cache.headroom(first) ? second : first;
        return new KeyChoice(Optional.of(chosen), soonest[0]);
    }

    private String draw(List<String> keyIds, Set<String> exclude, String other, long[] soonest) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int size = keyIds.size();
        boolean walk = size <= maxDraws;
        int start = random.nextInt(size);
        int draws = walk ? size : maxDraws;
        for (int i = 0; i < draws; i++) {
            String candidate = keyIds.get(walk ? (start + i) % size : random.nextInt(size));
            if (candidate.equals(other) || exclude.contains(candidate)) {
                continue;
            }
            long blockedUntil = cache.blockedUntil(candidate);
            if (blockedUntil == 0) {
                return candidate;
            }
            soonest[0] = Math.min(soonest[0], blockedUntil);
        }
        return null;
    }
}
