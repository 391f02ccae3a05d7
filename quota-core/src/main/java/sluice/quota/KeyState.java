package sluice.quota;

/**
 * Everything the store holds about one key, for the admin API and tests. Deadlines are epoch ms,
 * 0 when none is set.
 *
 * @param minute           requests/tokens in the rolling minute (conservative count)
 * @param today            requests/tokens of the current calendar day (zero once that day ended)
 * @param month            requests/tokens of the current calendar month, counted only while the
 *                         limits carry a monthly token limit (zero once that month ended)
 * @param inFlight         live concurrency leases
 * @param observedAtMillis the store's clock when this was read
 */
public record KeyState(String keyId, boolean disabled, String disabledReason, long cooldownUntilMillis,
                       String cooldownReason, long exhaustedUntilMillis, String exhaustedReason,
                       WindowCount minute, WindowCount today, WindowCount month, int inFlight, ProviderRateView providerView,
                       long observedAtMillis) {

    public boolean coolingDown() {
        return cooldownUntilMillis > observedAtMillis;
    }

    public boolean exhausted() {
        return exhaustedUntilMillis > observedAtMillis;
    }
}
