package sluice.quota;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * The one decision path of the gateway: chooses keys by headroom ({@link KeySelector}) and admits
 * them through the {@link QuotaStore}, which stays the only truth. Every call that changes a key's
 * state also teaches this replica's {@link KeyHeadroomCache}, so the router should go through the
 * engine rather than the store for them.
 */
public final class QuotaEngine {
    private final QuotaStore store;
    private final KeyHeadroomCache cache;
    private final KeySelector selector;
    private final long leaseTtlMillis;

    public QuotaEngine(QuotaStore store, KeyHeadroomCache cache, KeySelector selector, long leaseTtlMillis) {
        this.store = store;
        this.cache = cache;
        this.selector = selector;
        this.leaseTtlMillis = leaseTtlMillis;
    }

    public QuotaStore store() {
        return store;
    }

    public KeyHeadroomCache cache() {
        return cache;
    }

    /**
     * Tries up to {@code maxAttempts} keys of a pool, one admission round trip each, and stops at
     * the first admitted one, or at once when the store is unavailable (fail-closed denial).
     *
     * @param keyIds the pool (never scanned: O(1) cache reads per attempt)
     * @param limits each key's current limits
     * @return {@link PoolAdmission.Granted} or {@link PoolAdmission.Refused}
     * @throws QuotaStoreUnavailableException (in the stage) when the store is unreachable and is
     *                                        not a {@link FailoverQuotaStore}
     */
    public CompletionStage<PoolAdmission> admitAny(List<String> keyIds, Function<String, KeyLimits> limits,
                                                   long estimatedTokens, String requestId, int maxAttempts) {
        Attempts attempts = new Attempts(keyIds, limits, estimatedTokens, requestId, maxAttempts);
        return attempts.next();
    }

    /** Admits on one given key and learns from the answer. */
    public CompletionStage<Admission> admit(AdmissionRequest request) {
        return store.admit(request).thenApply(admission -> {
            learn(request.keyId(), admission);
            return admission;
        });
    }

    private void learn(String keyId, Admission admission) {
        if (admission instanceof Admitted admitted) {
            cache.recordUsage(keyId, admitted.usageAfter());
        } else if (admission instanceof Denied denied && blocksForAWhile(denied.reason())) {
            cache.recordBlocked(keyId, denied.retryAtMillis());
        }
    }

    /**
     * A full concurrency limit frees within one request's time, and its reported retry time is
     * only the oldest lease's expiry: skipping the key on that basis would idle a key with quota
     * left. Such keys stay candidates; Redis answers for them.
     */
    private static boolean blocksForAWhile(DenyReason reason) {
        return reason != DenyReason.STORE_UNAVAILABLE && reason != DenyReason.CONCURRENCY;
    }

    /** @see QuotaStore#reconcile */
    public CompletionStage<Void> reconcile(Reservation reservation, long actualTokens) {
        return store.reconcile(reservation, actualTokens);
    }

    /** @see QuotaStore#settle */
    public Settled settle(List<Settlement> settlements, StreamAppend alongside) {
        return store.settle(settlements, alongside);
    }

    /** @see QuotaStore#release */
    public CompletionStage<Void> release(Reservation reservation) {
        return store.release(reservation);
    }

    /** @see QuotaStore#cancel */
    public CompletionStage<Void> cancel(Reservation reservation) {
        return store.cancel(reservation);
    }

    /** @see QuotaStore#renewLease */
    public CompletionStage<Boolean> renewLease(Reservation reservation, long ttlMillis) {
        return store.renewLease(reservation, ttlMillis);
    }

    /** Writes a cooldown through to the store (the later deadline wins) and skips the key here. */
    public CompletionStage<Long> cooldown(String keyId, long untilMillis, String reason) {
        cache.recordBlocked(keyId, untilMillis);
        return store.cooldown(keyId, untilMillis, reason);
    }

    /** @see QuotaStore#markExhausted */
    public CompletionStage<Long> markExhausted(String keyId, long untilMillis, String reason) {
        cache.recordBlocked(keyId, untilMillis);
        return store.markExhausted(keyId, untilMillis, reason);
    }

    /** @see QuotaStore#disable */
    public CompletionStage<Void> disable(String keyId, String reason) {
        cache.recordBlocked(keyId, Denied.NEVER);
        return store.disable(keyId, reason);
    }

    /** @see QuotaStore#enable */
    public CompletionStage<Void> enable(String keyId) {
        cache.forget(keyId);
        return store.enable(keyId);
    }

    /** @see QuotaStore#clearCooldown */
    public CompletionStage<Void> clearCooldown(String keyId) {
        cache.forget(keyId);
        return store.clearCooldown(keyId);
    }

    /** @see QuotaStore#mirrorProviderView */
    public CompletionStage<Void> mirrorProviderView(String keyId, ProviderRateView view) {
        cache.recordProviderView(keyId, view);
        return store.mirrorProviderView(keyId, view);
    }

    /**
     * Same as {@link #mirrorProviderView(String, ProviderRateView)}, judging "blocked now" at
     * {@code nowMillis} instead of the cache's clock.
     */
    public CompletionStage<Void> mirrorProviderView(String keyId, ProviderRateView view, long nowMillis) {
        long blocked = view.blocksUntil(nowMillis);
        if (blocked > 0) {
            cache.recordBlocked(keyId, blocked);
        }
        return store.mirrorProviderView(keyId, view);
    }

    /** @see QuotaStore#clearExhausted */
    public CompletionStage<Void> clearExhausted(String keyId) {
        cache.forget(keyId);
        return store.clearExhausted(keyId);
    }

    /** One {@link #admitAny} call's progress. */
    private final class Attempts {
        private final List<String> keyIds;
        private final Function<String, KeyLimits> limits;
        private final long estimatedTokens;
        private final String requestId;
        private final int maxAttempts;
        private final Set<String> tried = new HashSet<>();
        private final List<KeyDenial> refusals = new ArrayList<>();
        private long soonestSkipped = Denied.NEVER;

        Attempts(List<String> keyIds, Function<String, KeyLimits> limits, long estimatedTokens,
                 String requestId, int maxAttempts) {
            this.keyIds = keyIds;
            this.limits = limits;
            this.estimatedTokens = estimatedTokens;
            this.requestId = requestId;
            this.maxAttempts = maxAttempts;
        }

        CompletionStage<PoolAdmission> next() {
            if (tried.size() >= maxAttempts) {
                return refused();
            }
            KeyChoice choice = selector.choose(keyIds, tried);
            soonestSkipped = Math.min(soonestSkipped, choice.soonestUnblockMillis());
            if (choice.keyId().isEmpty()) {
                return refused();
            }
            String keyId = choice.keyId().get();
            tried.add(keyId);
            AdmissionRequest request = new AdmissionRequest(keyId, limits.apply(keyId), estimatedTokens,
                    requestId, leaseTtlMillis);
            return admit(request).thenCompose(admission -> {
                if (admission instanceof Admitted admitted) {
                    PoolAdmission granted = new PoolAdmission.Granted(admitted, List.copyOf(refusals));
                    return CompletableFuture.completedFuture(granted);
                }
                Denied denied = (Denied) admission;
                refusals.add(new KeyDenial(keyId, denied));
                return denied.reason() == DenyReason.STORE_UNAVAILABLE ? refused() : next();
            });
        }

        private CompletionStage<PoolAdmission> refused() {
            long earliest = refusals.stream().mapToLong(r -> r.denied().retryAtMillis())
                    .reduce(soonestSkipped, Math::min);
            return CompletableFuture.completedFuture(new PoolAdmission.Refused(List.copyOf(refusals), earliest));
        }
    }
}
