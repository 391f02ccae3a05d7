package sluice.router.upstream;

import io.vertx.core.MultiMap;
import sluice.quota.ProviderRateView;

/** Reads the provider's own view of a key's limits from its {@code x-ratelimit-*} headers. */
public final class ProviderHeaders {
    private ProviderHeaders() {
    }

    /** @return what the provider says remains and when it resets; -1 for what it does not say */
    public static ProviderRateView rateView(MultiMap headers, long nowMillis) {
        long remainingRequests = number(headers.get("x-ratelimit-remaining-requests"));
        long remainingTokens = number(headers.get("x-ratelimit-remaining-tokens"));
        if (remainingRequests < 0 && remainingTokens < 0) {
            return ProviderRateView.NONE;
        }
        return new ProviderRateView(remainingRequests, resetAt(headers.get("x-ratelimit-reset-requests"), nowMillis),
                remainingTokens, resetAt(headers.get("x-ratelimit-reset-tokens"), nowMillis));
    }

    private static long resetAt(String value, long nowMillis) {
        long millis = RetryHints.duration(value);
        return millis < 0 ? -1 : nowMillis + millis;
    }

    private static long number(String value) {
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
