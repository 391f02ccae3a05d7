package sluice.quota;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Test oracle: what was admitted when, checked by brute force over every rolling window. */
final class AdmissionLog {
    private final List<long[]> events = new ArrayList<>(); // {admittedAt, tokens}
    private final Map<String, long[]> byLease = new HashMap<>();

    void add(Reservation reservation) {
        long[] event = {reservation.admittedAtMillis(), reservation.reservedTokens()};
        events.add(event);
        byLease.put(reservation.leaseId(), event);
    }

    /** The provider charges the actual tokens at the admission time. */
    void settle(Reservation reservation, long actualTokens) {
        byLease.get(reservation.leaseId())[1] = actualTokens;
    }

    int size() {
        return events.size();
    }

    /** Max requests in any window (t - length, t]; a maximum is always reached at some event. */
    long maxRequestsInAnyWindow(long length) {
        return maxInAnyWindow(length, false);
    }

    long maxTokensInAnyWindow(long length) {
        return maxInAnyWindow(length, true);
    }

    private long maxInAnyWindow(long length, boolean tokens) {
        long max = 0;
        for (long[] end : events) {
            long sum = 0;
            for (long[] e : events) {
                if (e[0] > end[0] - length && e[0] <= end[0]) {
                    sum += tokens ? e[1] : 1;
                }
            }
            max = Math.max(max, sum);
        }
        return max;
    }
}
