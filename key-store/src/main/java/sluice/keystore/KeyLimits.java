package sluice.keystore;

import java.time.DateTimeException;
import java.time.ZoneId;

/**
 * What a provider allows one key: requests and tokens per minute and per day, concurrent requests.
 * A value of 0 means unlimited. Daily windows reset at midnight in {@code dailyResetZone}.
 *
 * @throws InvalidKeyStoreInputException (field {@code limits.<name>}) for a negative value or a
 *         missing zone
 */
public record KeyLimits(long rpm, long tpm, long rpd, long tpd, int maxConcurrent, ZoneId dailyResetZone) {
    public static final String DEFAULT_RESET_ZONE = "UTC";

    public KeyLimits {
        requireNotNegative("rpm", rpm);
        requireNotNegative("tpm", tpm);
        requireNotNegative("rpd", rpd);
        requireNotNegative("tpd", tpd);
        requireNotNegative("maxConcurrent", maxConcurrent);
        if (dailyResetZone == null) {
            throw new InvalidKeyStoreInputException("limits.dailyResetZone", "is required");
        }
    }

    /** @return no limits at all, daily reset in UTC */
    public static KeyLimits unlimited() {
        return new KeyLimits(0, 0, 0, 0, 0, ZoneId.of(DEFAULT_RESET_ZONE));
    }

    /**
     * @return {@code zone} as a {@link ZoneId}
     * @throws InvalidKeyStoreInputException (field {@code limits.dailyResetZone}) for an unknown zone
     */
    public static ZoneId zone(String zone) {
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException | NullPointerException e) {
            throw new InvalidKeyStoreInputException("limits.dailyResetZone", "is not a known time zone id");
        }
    }

    private static void requireNotNegative(String name, long value) {
        if (value < 0) {
            throw new InvalidKeyStoreInputException("limits." + name, "must be 0 (unlimited) or positive, got " + value);
        }
    }
}
