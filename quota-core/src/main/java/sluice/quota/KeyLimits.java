package sluice.quota;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The limits of one provider key. A value of {@code 0} means "no limit" for that dimension.
 *
 * @param rpm             requests in any rolling minute
 * @param tpm             tokens (prompt + completion) in any rolling minute
 * @param rpd             requests per calendar day in {@code dailyResetZone}
 * @param tpd             tokens per calendar day in {@code dailyResetZone}
 * @param maxConcurrent   requests in flight at once
 * @param dailyResetZone  the zone whose midnight resets the daily counters (the provider's own)
 */
public record KeyLimits(long rpm, long tpm, long rpd, long tpd, int maxConcurrent, ZoneId dailyResetZone) {

    /** No limit at all; daily counters reset at midnight UTC. */
    public static final KeyLimits UNLIMITED = new KeyLimits(0, 0, 0, 0, 0, ZoneOffset.UTC);

    public KeyLimits {
        if (rpm < 0 || tpm < 0 || rpd < 0 || tpd < 0 || maxConcurrent < 0) {
            throw new IllegalArgumentException("limits must be >= 0 (0 = unlimited): " + rpm + "/" + tpm
                    + "/" + rpd + "/" + tpd + "/" + maxConcurrent);
        }
        Objects.requireNonNull(dailyResetZone, "dailyResetZone");
    }

    /** Only a per-minute budget (UTC days, no concurrency limit). */
    public static KeyLimits perMinute(long rpm, long tpm) {
        return new KeyLimits(rpm, tpm, 0, 0, 0, ZoneOffset.UTC);
    }

    /**
     * This replica's share when the shared store is unreachable: every limited dimension divided
     * by {@code replicas}, rounded down but never below 1 (0 would mean "unlimited").
     */
    public KeyLimits dividedAmong(int replicas) {
        if (replicas <= 1) {
            return this;
        }
        return new KeyLimits(share(rpm, replicas), share(tpm, replicas), share(rpd, replicas),
                share(tpd, replicas), (int) share(maxConcurrent, replicas), dailyResetZone);
    }

    private static long share(long limit, int replicas) {
        return limit == 0 ? 0 : Math.max(1, limit / replicas);
    }
}
