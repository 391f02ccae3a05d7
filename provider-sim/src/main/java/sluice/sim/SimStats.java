package sluice.sim;

import java.util.Map;

/**
 * A snapshot of the simulator's counters ({@code GET /_sim/stats} returns the same as JSON).
 *
 * @param keys counters per configured key
 * @param unauthorized requests with a missing or unknown key (401); they belong to no key
 */
public record SimStats(Map<String, KeyStats> keys, long unauthorized) {

    /**
     * @return the counters of {@code key}
     * @throws IllegalArgumentException when the key is not configured
     */
    public KeyStats key(String key) {
        KeyStats stats = keys.get(key);
        if (stats == null) {
            throw new IllegalArgumentException("no such key in stats: " + key);
        }
        return stats;
    }
}
