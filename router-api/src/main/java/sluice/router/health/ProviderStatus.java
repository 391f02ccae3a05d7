package sluice.router.health;

/**
 * The verdict on one provider, the same on every replica (all read the same Redis records).
 *
 * @param state       how routing treats it
 * @param reason      why (empty when healthy)
 * @param sinceMillis when it entered this state, as far as known (0 when unknown)
 * @param untilMillis when an explicit down or rate-limit record ends (0 for passive verdicts)
 * @param window      the calls of the passive window behind the verdict
 */
public record ProviderStatus(HealthState state, String reason, long sinceMillis, long untilMillis,
                             TrafficCounts window) {

    /** @return true when routing may send to it in route order */
    public boolean healthy() {
        return state == HealthState.HEALTHY;
    }
}
