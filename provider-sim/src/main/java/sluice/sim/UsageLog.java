package sluice.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a key accepted, over time: a capped log of (time, tokens charged, request or not) for
 * "most in any 60 s" checks, and per-minute buckets. Not thread-safe; {@link KeyState} locks.
 */
final class UsageLog {

    /** Most log entries kept per key; older entries are dropped. */
    static final int MAX_ENTRIES = 100_000;
    /** Most minute buckets kept per key (one day). */
    static final int MAX_MINUTES = 1_440;

    /** Amount encoding: tokens in the high bits, 1 in the low bit when the entry is a request. */
    private final TimedAmounts entries = new TimedAmounts(MAX_ENTRIES);
    private final TreeMap<Long, long[]> minutes = new TreeMap<>();

    /** Records an accepted request arriving at {@code now} charged {@code tokens}. */
    void recordRequest(long now, long tokens) {
        entries.add(now, (tokens << 1) | 1);
        long[] bucket = minuteBucket(now);
        bucket[0]++;
        bucket[1] += tokens;
    }

    /** Records {@code tokens} charged at {@code now} without a new request (a completion). */
    void recordTokens(long now, long tokens) {
        if (tokens <= 0) {
            return;
        }
        entries.add(now, tokens << 1);
        minuteBucket(now)[1] += tokens;
    }

    /**
     * @return {most requests, most tokens} within any window (t - windowMillis, t] over the
     *     log, using two pointers over entries in arrival order
     */
    long[] maxInAnyWindow(long windowMillis) {
        long maxRequests = 0;
        long maxTokens = 0;
        long requests = 0;
        long tokens = 0;
        int left = 0;
        for (int right = 0; right < entries.size(); right++) {
            long amount = entries.amount(right);
            requests += amount & 1;
            tokens += amount >> 1;
            long cutoff = entries.time(right) - windowMillis;
            while (entries.time(left) <= cutoff) {
                long leaving = entries.amount(left++);
                requests -= leaving & 1;
                tokens -= leaving >> 1;
            }
            maxRequests = Math.max(maxRequests, requests);
            maxTokens = Math.max(maxTokens, tokens);
        }
        return new long[] {maxRequests, maxTokens};
    }

    List<MinuteBucket> minuteBuckets() {
        List<MinuteBucket> list = new ArrayList<>(minutes.size());
        for (Map.Entry<Long, long[]> e : minutes.entrySet()) {
            list.add(new MinuteBucket(e.getKey(), e.getValue()[0], e.getValue()[1]));
        }
        return list;
    }

    void clear() {
        entries.clear();
        minutes.clear();
    }

    private long[] minuteBucket(long now) {
        long start = now - Math.floorMod(now, RateWindow.MINUTE_MILLIS);
        long[] bucket = minutes.get(start);
        if (bucket == null) {
            bucket = new long[2];
            minutes.put(start, bucket);
            if (minutes.size() > MAX_MINUTES) {
                minutes.pollFirstEntry();
            }
        }
        return bucket;
    }
}
