package sluice.sim;

import java.util.List;
import java.util.Map;

/**
 * Counters of one key since start or the last reset.
 *
 * @param limits the key's configured limits
 * @param accepted requests admitted (including hung and cut ones)
 * @param rejected requests not served, by reason (every reason present, 0 when none)
 * @param promptTokens prompt tokens of accepted requests
 * @param completionTokens completion tokens produced
 * @param inFlight requests accepted and not yet finished
 * @param maxInFlight most requests in flight at once
 * @param maxRequestsInAnyWindow most accepted requests within any 60 s, (t - 60 s, t]
 * @param maxTokensInAnyWindow most tokens charged within any 60 s, (t - 60 s, t]
 * @param minutes accepted requests and charged tokens per UTC minute, oldest first
 */
public record KeyStats(KeyLimits limits, long accepted, Map<RejectReason, Long> rejected,
                       long promptTokens, long completionTokens, int inFlight, int maxInFlight,
                       long maxRequestsInAnyWindow, long maxTokensInAnyWindow,
                       List<MinuteBucket> minutes) {

    /** @return how many requests were rejected for {@code reason} */
    public long rejected(RejectReason reason) {
        return rejected.getOrDefault(reason, 0L);
    }
}
