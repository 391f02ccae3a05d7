package sluice.router.health;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts of upstream calls to one provider: per {@link CallOutcome}, how many were slower than
 * the latency threshold, and a coarse latency histogram (time to the answer's head). Counts add
 * up across seconds and replicas, so a window merged from Redis is exact.
 */
public final class TrafficCounts {
    /** Upper bounds (ms) of the histogram's bins; the last bin holds everything slower. */
    static final long[] BIN_BOUNDS = {50, 100, 250, 500, 1000, 2000, 4000, 8000, 16000, 32000, Long.MAX_VALUE};
    static final int SLOW = CallOutcome.values().length;
    static final int FIRST_BIN = SLOW + 1;
    static final int SIZE = FIRST_BIN + BIN_BOUNDS.length;
    /** The name of each counter in Redis, by index. */
    static final String[] NAMES = names();

    private final long[] values = new long[SIZE];

    /** @return the counter index of a latency */
    static int binOf(long latencyMillis) {
        int i = 0;
        while (latencyMillis > BIN_BOUNDS[i]) {
            i++;
        }
        return FIRST_BIN + i;
    }

    /** @return the index of a counter named as in Redis, or -1 */
    static int indexOf(String name) {
        for (int i = 0; i < SIZE; i++) {
            if (NAMES[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    void add(int index, long amount) {
        values[index] += amount;
    }

    /** @return every call counted (answered or not) */
    public long calls() {
        long n = 0;
        for (CallOutcome o : CallOutcome.values()) {
            n += values[o.ordinal()];
        }
        return n;
    }

    /** @return calls that counted against the provider (5xx, timeout, connection) */
    public long failures() {
        long n = 0;
        for (CallOutcome o : CallOutcome.values()) {
            n += o.failure() ? values[o.ordinal()] : 0;
        }
        return n;
    }

    /** @return share of the calls that reached a verdict on the provider which succeeded, 1 when none */
    public double successRate() {
        long judged = values[CallOutcome.OK.ordinal()] + failures();
        return judged == 0 ? 1.0 : (double) values[CallOutcome.OK.ordinal()] / judged;
    }

    /** @return answered calls slower than the configured latency threshold */
    public long slow() {
        return values[SLOW];
    }

    /** @return calls that got an answer (and so a latency) */
    public long answered() {
        long n = 0;
        for (int i = FIRST_BIN; i < SIZE; i++) {
            n += values[i];
        }
        return n;
    }

    /** @return the upper bound of the bin holding the {@code q} quantile of latencies (ms), -1 without answers */
    public long latencyQuantileBound(double q) {
        long total = answered();
        if (total == 0) {
            return -1;
        }
        long rank = (long) Math.ceil(q * total);
        long seen = 0;
        for (int i = FIRST_BIN; i < SIZE; i++) {
            seen += values[i];
            if (seen >= Math.max(1, rank)) {
                return BIN_BOUNDS[i - FIRST_BIN];
            }
        }
        return Long.MAX_VALUE;
    }

    /** @return calls by outcome, only those that happened */
    public Map<String, Long> byOutcome() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (CallOutcome o : CallOutcome.values()) {
            if (values[o.ordinal()] > 0) {
                out.put(o.wireName(), values[o.ordinal()]);
            }
        }
        return out;
    }

    private static String[] names() {
        String[] names = new String[SIZE];
        for (CallOutcome o : CallOutcome.values()) {
            names[o.ordinal()] = o.wireName();
        }
        names[SLOW] = "slow";
        for (int i = 0; i < BIN_BOUNDS.length; i++) {
            names[FIRST_BIN + i] = BIN_BOUNDS[i] == Long.MAX_VALUE ? "ms_over" : "ms" + BIN_BOUNDS[i];
        }
        return names;
    }
}
