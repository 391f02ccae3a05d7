package sluice.sim;

/**
 * The outcome of {@link KeyState#admit}: either an accepted request to finish later, or a
 * denial with what the 429 answer needs. A value, never an exception, on the hot path.
 *
 * @param accepted the admitted request, or {@code null} when denied
 * @param denial why it was denied, or {@code null} when accepted
 * @param retryAfterMillis how long until a retry could pass (denials only)
 * @param limit the limit that was hit (denials only)
 * @param used what was counted against it (denials only)
 * @param requested what this request asked for (denials only)
 * @param rateLimits values for the x-ratelimit-* headers
 */
record Admission(AcceptedRequest accepted, RejectReason denial, long retryAfterMillis,
                 long limit, long used, long requested, RateLimitSnapshot rateLimits) {

    static Admission accept(AcceptedRequest request, RateLimitSnapshot rateLimits) {
        return new Admission(request, null, 0, 0, 0, 0, rateLimits);
    }

    static Admission deny(RejectReason reason, long retryAfterMillis, long limit, long used,
                          long requested, RateLimitSnapshot rateLimits) {
        return new Admission(null, reason, retryAfterMillis, limit, used, requested, rateLimits);
    }

    boolean isAccepted() {
        return accepted != null;
    }
}
