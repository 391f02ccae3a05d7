package sluice.quota;

/**
 * A provider key's (or tenant's) durable facts (from PostgreSQL) used to rebuild its quota state after Redis
 * lost its data.
 *
 * @param exhaustedUntilMillis 0 when the key is not known exhausted
 * @param requestsToday        a conservative (never lower than true) count of today's requests
 * @param tokensToday          a conservative count of today's tokens
 * @param tokensThisMonth      a conservative count of this calendar month's tokens; applied only
 *                             when the limits carry a monthly token limit
 */
public record KeyRecordSnapshot(String keyId, KeyLimits limits, boolean disabled, String disabledReason,
                                long exhaustedUntilMillis, String exhaustedReason, long requestsToday,
                                long tokensToday, long tokensThisMonth) {
}
