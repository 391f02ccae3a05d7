package sluice.quota;

/**
 * What the provider's own {@code x-ratelimit-remaining-*} / {@code x-ratelimit-reset-*} headers
 * said on the last response. {@code -1} means "not reported".
 *
 * @param remainingRequests     requests the provider says are left
 * @param requestsResetAtMillis when the provider's request budget resets (epoch ms)
 * @param remainingTokens       tokens the provider says are left
 * @param tokensResetAtMillis   when the provider's token budget resets (epoch ms)
 */
public record ProviderRateView(long remainingRequests, long requestsResetAtMillis, long remainingTokens,
                               long tokensResetAtMillis) {

    public static final ProviderRateView NONE = new ProviderRateView(-1, -1, -1, -1);

    /**
     * @return the time until which the provider will refuse this key (a dimension reported at 0
     *         whose reset is still ahead), or 0 when it will not
     */
    public long blocksUntil(long nowMillis) {
        long until = 0;
        if (remainingRequests == 0 && requestsResetAtMillis > nowMillis) {
            until = requestsResetAtMillis;
        }
        if (remainingTokens == 0 && tokensResetAtMillis > nowMillis) {
            until = Math.max(until, tokensResetAtMillis);
        }
        return until;
    }

    /** Merges a newer view: reported dimensions replace older ones, unreported ones are kept. */
    public ProviderRateView updatedBy(ProviderRateView newer) {
        boolean requests = newer.remainingRequests >= 0;
        boolean tokens = newer.remainingTokens >= 0;
        return new ProviderRateView(requests ? newer.remainingRequests : remainingRequests,
                requests ? newer.requestsResetAtMillis : requestsResetAtMillis,
                tokens ? newer.remainingTokens : remainingTokens,
                tokens ? newer.tokensResetAtMillis : tokensResetAtMillis);
    }
}
