package sluice.quota;

/**
 * A key's usage as seen by one admission, with the limits it was checked against.
 *
 * @param minuteRequests requests counted in the rolling minute (conservatively, see ADR 0001)
 * @param minuteTokens   tokens counted in the rolling minute
 * @param dayRequests    requests today (key's reset zone)
 * @param dayTokens      tokens today
 * @param inFlight       live concurrency leases
 * @param monthTokens    tokens this calendar month (0 when the limits have no monthly limit)
 */
public record KeyUsage(KeyLimits limits, long minuteRequests, long minuteTokens, long dayRequests,
                       long dayTokens, int inFlight, long monthTokens) {

    /**
     * The fraction of the tightest limited dimension still free, from 0 (some limit reached) to
     * 1 (nothing used, or no limits at all). Key choice prefers the larger value.
     */
    public double headroom() {
        double free = 1.0;
        free = Math.min(free, remaining(minuteRequests, limits.rpm()));
        free = Math.min(free, remaining(minuteTokens, limits.tpm()));
        free = Math.min(free, remaining(dayRequests, limits.rpd()));
        free = Math.min(free, remaining(dayTokens, limits.tpd()));
        free = Math.min(free, remaining(monthTokens, limits.monthlyTokens()));
        return Math.min(free, remaining(inFlight, limits.maxConcurrent()));
    }

    private static double remaining(long used, long limit) {
        if (limit <= 0) {
            return 1.0;
        }
        return Math.max(0.0, (double) (limit - used) / limit);
    }
}
