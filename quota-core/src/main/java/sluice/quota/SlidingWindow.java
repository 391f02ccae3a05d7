package sluice.quota;

import java.util.HashMap;
import java.util.Map;

/**
 * The sliding window of sub-buckets in plain Java, the same algorithm as
 * {@code minute_window.lua} (ADR 0001), for the replica-local store. Not thread-safe: its owner
 * serialises access.
 */
final class SlidingWindow {
    private static final long EMPTY = Long.MIN_VALUE;

    private final WindowSpec spec;
    private final Map<Long, long[]> buckets = new HashMap<>();
    private long head = EMPTY;
    private long sumRequests;
    private long sumTokens;

    SlidingWindow(WindowSpec spec) {
        this.spec = spec;
    }

    /**
     * Drops the buckets that lie wholly before {@code now - window} (the straddling one still
     * counts) and returns the bucket index that {@code now} charges.
     */
    long slide(long now) {
        long current = spec.bucketOf(now);
        long oldest = current - spec.span();
        if (head == EMPTY || oldest - head > spec.span()) {
            buckets.clear();
            sumRequests = 0;
            sumTokens = 0;
            head = oldest;
        } else if (oldest > head) {
            for (long i = head; i < oldest; i++) {
                long[] bucket = buckets.remove(i);
                if (bucket != null) {
                    sumRequests -= bucket[0];
                    sumTokens -= bucket[1];
                }
            }
            sumRequests = Math.max(sumRequests, 0);
            sumTokens = Math.max(sumTokens, 0);
            head = oldest;
        }
        return Math.max(current, head);
    }

    long requests() {
        return sumRequests;
    }

    long tokens() {
        return sumTokens;
    }

    void add(long bucketIndex, long requests, long tokens) {
        long[] bucket = buckets.computeIfAbsent(bucketIndex, i -> new long[2]);
        bucket[0] += requests;
        bucket[1] += tokens;
        sumRequests += requests;
        sumTokens += tokens;
    }

    /**
     * Adds {@code requestDelta} requests and {@code tokenDelta} tokens to a bucket if it is still
     * counted, never below zero.
     *
     * @return the token delta applied (0 once the bucket has left the window)
     */
    long adjust(long bucketIndex, long requestDelta, long tokenDelta, long now) {
        slide(now);
        long[] bucket = buckets.get(bucketIndex);
        if (bucket == null || bucketIndex < head) {
            return 0;
        }
        long requests = Math.max(requestDelta, -bucket[0]);
        bucket[0] += requests;
        sumRequests = Math.max(sumRequests + requests, 0);
        long applied = Math.max(tokenDelta, -bucket[1]);
        bucket[1] += applied;
        sumTokens = Math.max(sumTokens + applied, 0);
        return applied;
    }

    /**
     * @return when enough of the oldest buckets have left for {@code needRequests} requests and
     *         {@code needTokens} tokens to be free, or when all buckets have left if they do not
     *         hold that much
     */
    long freeAt(long now, long needRequests, long needTokens) {
        long current = slide(now);
        long freedRequests = 0;
        long freedTokens = 0;
        for (long i = head; i <= current; i++) {
            long[] bucket = buckets.get(i);
            if (bucket != null) {
                freedRequests += bucket[0];
                freedTokens += bucket[1];
            }
            if (freedRequests >= needRequests && freedTokens >= needTokens) {
                return spec.leavesWindowAt(i);
            }
        }
        return spec.leavesWindowAt(current);
    }
}
