package sluice.quota;

/**
 * What one admission reserved, and where, so that it can be reconciled or released exactly.
 *
 * @param keyId            the provider key charged
 * @param requestId        the gateway request
 * @param leaseId          the concurrency lease held
 * @param reservedTokens   tokens reserved (the estimate)
 * @param admittedAtMillis admission time on the store's clock
 * @param minuteBucket     index of the minute-window bucket charged (admittedAt / bucket length)
 * @param dayStartMillis   start of the calendar day charged, in the key's reset zone
 * @param monthStartMillis start of the calendar month charged, 0 when the limits had no monthly
 *                         token limit (nothing was counted for the month)
 * @param local            true when a replica-local store admitted it (Redis unreachable or the
 *                         naive benchmark mode); such a reservation is settled by that store
 */
public record Reservation(String keyId, String requestId, String leaseId, long reservedTokens,
                          long admittedAtMillis, long minuteBucket, long dayStartMillis, long monthStartMillis,
                          boolean local) {
}
