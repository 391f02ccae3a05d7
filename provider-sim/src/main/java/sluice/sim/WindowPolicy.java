package sluice.sim;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Locale;

/** How a per-minute limit (RPM, TPM) is counted. */
public enum WindowPolicy {
    /** Counters reset on wall-clock (UTC) minute boundaries. */
    FIXED_MINUTE("fixed"),
    /** Exact sliding log: everything charged in the last 60 s, (now - 60 s, now]. */
    ROLLING_60S("rolling"),
    /** Bucket of capacity = limit, refilled continuously at limit/60 per second. */
    TOKEN_BUCKET("bucket");

    private final String shortName;

    WindowPolicy(String shortName) {
        this.shortName = shortName;
    }

    /** @return the CLI / config spelling: fixed, rolling or bucket */
    public String shortName() {
        return shortName;
    }

    /**
     * Parses {@code fixed|rolling|bucket} or the enum constant name, case-insensitively.
     *
     * @throws IllegalArgumentException when the text names no policy
     */
    @JsonCreator
    public static WindowPolicy parse(String text) {
        for (WindowPolicy policy : values()) {
            if (policy.shortName.equalsIgnoreCase(text) || policy.name().equalsIgnoreCase(text)) {
                return policy;
            }
        }
        throw new IllegalArgumentException("unknown window policy '" + text
                + "' (expected fixed, rolling or bucket)");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
