package sluice.quota;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The limits of one provider key (or of a tenant, admitted like a key). A value of {@code 0}
 * means "no limit" for that dimension.
 *
 * @param rpm             requests in any rolling minute
 * @param tpm             tokens (prompt + completion) in any rolling minute
 * @param rpd             requests per calendar day in {@code dailyResetZone}
 * @param tpd             tokens per calendar day in {@code dailyResetZone}
 * @param maxConcurrent   requests in flight at once
 * @param dailyResetZone  the zone whose midnight resets the daily (and monthly) counters
 * @param monthlyTokens   tokens per calendar month in {@code dailyResetZone} (a tenant's monthly
 *                        budget); 0 keeps no monthly counter at all, so it costs nothing
 */
public record KeyLimits(long rpm, long tpm, long rpd, long tpd, int maxConcurrent, ZoneId dailyResetZone,
                        long monthlyTokens) {

    /** No limit at all; daily counters reset at midnight UTC. */
    public static final KeyLimits UNLIMITED = new KeyLimits(0, 0, 0, 0, 0, ZoneOffset.UTC);

    public KeyLimits {
        if (rpm < 0 || tpm < 0 || rpd < 0 || tpd < 0 || maxConcurrent < 0 || monthlyTokens < 0) {
            throw new IllegalArgumentException("limits must be >= 0 (0 = unlimited): " + rpm + "/" + tpm
                    + "/" + rpd + "/" + tpd + "/" + maxConcurrent + "/" + monthlyTokens);
        }
        Objects.requireNonNull(dailyResetZone, "dailyResetZone");
    }

    /** A provider key's limits: no monthly counter. */
    public KeyLimits(long rpm, long tpm, long rpd, long tpd, int maxConcurrent, ZoneId dailyResetZone) {
        this(rpm, tpm, rpd, tpd, maxConcurrent, dailyResetZone, 0);
    }

    /** Only a per-minute budget (UTC days, no concurrency limit). */
    public static KeyLimits perMinute(long rpm, long tpm) {
        return new KeyLimits(rpm, tpm, 0, 0, 0, ZoneOffset.UTC);
    }

    /** @return these limits with a monthly token limit (0 = none) */
    public KeyLimits withMonthlyTokens(long tokens) {
        return new KeyLimits(rpm, tpm, rpd, tpd, maxConcurrent, dailyResetZone, tokens);
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
                share(tpd, replicas), (int) share(maxConcurrent, replicas), dailyResetZone,
                share(monthlyTokens, replicas));
    }

    private static long share(long limit, int replicas) {
        return limit == 0 ? 0 : Math.max(1, limit / replicas);
    }
}
