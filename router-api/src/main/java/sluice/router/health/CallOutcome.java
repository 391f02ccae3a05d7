package sluice.router.health;

import java.util.Locale;

/**
 * What one upstream call came to, as passive health counts it. Only {@link #SERVER_ERROR},
 * {@link #TIMEOUT} and {@link #CONNECTION} count against the provider; a 429 or a rejected key is
 * about a key (or the account), and a request the provider refused as malformed shows it working.
 */
public enum CallOutcome {
    /** A 2xx, or a 4xx about the request itself (400, 404, 422…): the provider works. */
    OK,
    /** 5xx or 408. */
    SERVER_ERROR,
    /** No answer within the provider's request timeout. */
    TIMEOUT,
    /** Connection refused, reset or not established. */
    CONNECTION,
    /** 429: rate limited (a key's cooldown, or the provider's IP-level limit). */
    RATE_LIMITED,
    /** 401, 402 or 403: the key is rejected or out of credit. */
    KEY_REJECTED;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    /** @return the outcome of an answer with this HTTP status */
    public static CallOutcome ofStatus(int status) {
        if (status == 429) {
            return RATE_LIMITED;
        }
        if (status == 401 || status == 402 || status == 403) {
            return KEY_REJECTED;
        }
        return status >= 500 || status == 408 ? SERVER_ERROR : OK;
    }

    /** @return the outcome of a call that failed before any answer came */
    public static CallOutcome ofFailure(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            String name = t.getClass().getSimpleName().toLowerCase(Locale.ROOT);
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (name.contains("timeout") || message.contains("timeout") || message.contains("timed out")) {
                return TIMEOUT;
            }
        }
        return CONNECTION;
    }

    /** @return true when this outcome counts against the provider's health */
    public boolean failure() {
        return this == SERVER_ERROR || this == TIMEOUT || this == CONNECTION;
    }

    /** @return the lower-case name used in Redis, the admin API and the ledger */
    public String wireName() {
        return wireName;
    }
}
