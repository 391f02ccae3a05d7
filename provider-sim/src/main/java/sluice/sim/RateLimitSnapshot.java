package sluice.sim;

/**
 * Values of the {@code x-ratelimit-*} headers at one moment. A limit of 0 means the key has no
 * such limit and the matching headers are left out.
 */
record RateLimitSnapshot(long requestLimit, long requestsRemaining, long requestsResetMillis,
                         long tokenLimit, long tokensRemaining, long tokensResetMillis) {

    static final RateLimitSnapshot NONE = new RateLimitSnapshot(0, 0, 0, 0, 0, 0);

    static RateLimitSnapshot of(RateWindow requests, RateWindow tokens, long now) {
        if (requests == null && tokens == null) {
            return NONE;
        }
        return new RateLimitSnapshot(
                requests == null ? 0 : requests.limit(),
                requests == null ? 0 : requests.remaining(now),
                requests == null ? 0 : requests.resetMillis(now),
                tokens == null ? 0 : tokens.limit(),
                tokens == null ? 0 : tokens.remaining(now),
                tokens == null ? 0 : tokens.resetMillis(now));
    }
}
