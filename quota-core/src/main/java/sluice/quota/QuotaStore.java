package sluice.quota;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The quota port: where a provider key's windows, leases, cooldowns and flags live. Every method
 * is asynchronous and bounded in time; failures arrive as an exceptionally completed stage.
 *
 * <p>Failures: {@link QuotaStoreUnavailableException} when the store cannot be reached in time;
 * {@link QuotaException} for any other store fault. Denials are values ({@link Denied}), never
 * exceptions. A caller's mistake (a negative token count or lease time) throws
 * {@link IllegalArgumentException} at once, before any stage exists.
 */
public interface QuotaStore {

    /**
     * Checks, in one atomic step: disabled, exhausted-until, cooldown-until (including the mirrored
     * provider view), RPM, TPM, RPD, TPD and concurrency. If all allow, reserves one request and
     * {@code estimatedTokens} in every window and takes a lease; otherwise reserves nothing.
     *
     * @return {@link Admitted} or {@link Denied} (the first check that refused, and when it frees)
     * @throws QuotaStoreUnavailableException (in the stage) when the store is unreachable
     */
    CompletionStage<Admission> admit(AdmissionRequest request);

    /**
     * Settles a reservation with the provider's reported usage: adds {@code actualTokens -
     * reservedTokens} to the minute bucket and the day it was charged to (only while that bucket
     * is still inside the window and that day is still current; sums never go below zero) and
     * releases the lease. The request count is unchanged.
     *
     * @throws QuotaStoreUnavailableException (in the stage) when the store is unreachable
     */
    CompletionStage<Void> reconcile(Reservation reservation, long actualTokens);

    /**
     * Settles several reservations ({@link #reconcile} each) and appends {@code alongside} to a
     * stream, in one exchange with the store where it can (Redis: one pipelined batch, one round
     * trip). Stores without streams, or unable to reach theirs, settle each reservation as
     * {@link #reconcile} would and leave the entry to the caller ({@link Settled#appended()} null).
     */
    default Settled settle(List<Settlement> settlements, StreamAppend alongside) {
        return Settled.separately(this, settlements);
    }

    /**
     * The call failed before using tokens: gives the reserved tokens back and releases the lease.
     * The request stays counted (it reached the provider). Same as {@code reconcile(r, 0)}.
     *
     * @throws QuotaStoreUnavailableException (in the stage) when the store is unreachable
     */
    CompletionStage<Void> release(Reservation reservation);

    /**
     * The request never left the gateway (its key was admitted in the same round trip as its
     * tenant, and the tenant was refused): gives back the reserved tokens and the request count
     * (in the minute bucket, day and month it was charged to, while they are still counted) and
     * releases the lease, as if the key had never admitted it.
     *
     * @throws QuotaStoreUnavailableException (in the stage) when the store is unreachable
     */
    CompletionStage<Void> cancel(Reservation reservation);

    /**
     * Extends the lease of a long-running call to now + {@code ttlMillis}.
     *
     * @return false when the lease had already expired (its slot may have been given away)
     * @throws QuotaStoreUnavailableException (in the stage) when the store is unreachable
     */
    CompletionStage<Boolean> renewLease(Reservation reservation, long ttlMillis);

    /**
     * Puts the key in cooldown until {@code untilMillis}; an existing later deadline wins.
     *
     * @return the cooldown deadline in force after the call
     * @throws QuotaStoreUnavailableException (in the stage) when the store is unreachable
     */
    CompletionStage<Long> cooldown(String keyId, long untilMillis, String reason);

    /**
     * Marks the key's daily quota used up until {@code untilMillis} (usually the provider's daily
     * reset); an existing later deadline wins.
     *
     * @return the exhaustion deadline in force after the call
     * @throws QuotaStoreUnavailableException (in the stage) when the store is unreachable
     */
    CompletionStage<Long> markExhausted(String keyId, long untilMillis, String reason);

    /**
     * Disables the key until {@link #enable}; this state never expires.
     *
     * @throws QuotaStoreUnavailableException (in the stage) when the store is unreachable
     */
    CompletionStage<Void> disable(String keyId, String reason);

    /** @throws QuotaStoreUnavailableException (in the stage) when the store is unreachable */
    CompletionStage<Void> enable(String keyId);

    /**
     * Ends a cooldown now, and forgets the mirrored provider view (which acts as a cooldown).
     *
     * @throws QuotaStoreUnavailableException (in the stage) when the store is unreachable
     */
    CompletionStage<Void> clearCooldown(String keyId);

    /** @throws QuotaStoreUnavailableException (in the stage) when the store is unreachable */
    CompletionStage<Void> clearExhausted(String keyId);

    /**
     * Stores the provider's own remaining/reset figures for the key. A dimension reported as 0
     * remaining blocks admission until its reset, on every replica. Dimensions reported as -1 keep
     * their previous value.
     *
     * @throws QuotaStoreUnavailableException (in the stage) when the store is unreachable
     */
    CompletionStage<Void> mirrorProviderView(String keyId, ProviderRateView view);

    /**
     * @return the key's whole state; a never-seen key has an empty state
     * @throws QuotaStoreUnavailableException (in the stage) when the store is unreachable
     */
    CompletionStage<KeyState> state(String keyId);
}
