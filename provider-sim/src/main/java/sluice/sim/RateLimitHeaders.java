package sluice.sim;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;

/**
 * Writes OpenAI's {@code x-ratelimit-*} headers. Request headers are left out when the key has
 * no RPM limit, token headers when it has no TPM limit.
 */
final class RateLimitHeaders {

    static final CharSequence LIMIT_REQUESTS = HttpHeaders.createOptimized(
            "x-ratelimit-limit-requests");
    static final CharSequence REMAINING_REQUESTS = HttpHeaders.createOptimized(
            "x-ratelimit-remaining-requests");
    static final CharSequence RESET_REQUESTS = HttpHeaders.createOptimized(
            "x-ratelimit-reset-requests");
    static final CharSequence LIMIT_TOKENS = HttpHeaders.createOptimized(
            "x-ratelimit-limit-tokens");
    static final CharSequence REMAINING_TOKENS = HttpHeaders.createOptimized(
            "x-ratelimit-remaining-tokens");
    static final CharSequence RESET_TOKENS = HttpHeaders.createOptimized(
            "x-ratelimit-reset-tokens");

    private RateLimitHeaders() {
    }

    static void apply(MultiMap headers, RateLimitSnapshot snapshot) {
        if (snapshot.requestLimit() > 0) {
            headers.set(LIMIT_REQUESTS, Long.toString(snapshot.requestLimit()));
            headers.set(REMAINING_REQUESTS, Long.toString(snapshot.requestsRemaining()));
            headers.set(RESET_REQUESTS, OpenAiDuration.format(snapshot.requestsResetMillis()));
        }
        if (snapshot.tokenLimit() > 0) {
            headers.set(LIMIT_TOKENS, Long.toString(snapshot.tokenLimit()));
            headers.set(REMAINING_TOKENS, Long.toString(snapshot.tokensRemaining()));
            headers.set(RESET_TOKENS, OpenAiDuration.format(snapshot.tokensResetMillis()));
        }
    }
}
