package sluice.quota;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;

/**
 * A {@link QuotaStore} inside one JVM, with the same semantics as the Redis one, enforcing each
 * limit divided by the number of live replicas (never below 1 replica).
 *
 * <p>Two uses: the fail-open fallback while Redis is unreachable (see {@link FailoverQuotaStore},
 * ADR 0003), and the deliberately naive "local counter" contrast for benchmarks
 * ({@code liveReplicas = () -> 1}: every replica believes it owns the whole limit). It never fails
 * and never throws {@link QuotaStoreUnavailableException}; completed stages are returned.
 */
public final class LocalQuotaStore implements QuotaStore {
    private final ConcurrentHashMap<String, LocalKeyQuota> keys = new ConcurrentHashMap<>();
    private final TimeSource clock;
    private final WindowSpec window;
    private final IntSupplier liveReplicas;

    public LocalQuotaStore(TimeSource clock, WindowSpec window, IntSupplier liveReplicas) {
        this.clock = clock;
        this.window = window;
        this.liveReplicas = liveReplicas;
    }

    /** The naive mode: one replica assumed, whole limits enforced locally. */
    public static LocalQuotaStore ownsWholeLimit(TimeSource clock) {
        return new LocalQuotaStore(clock, WindowSpec.MINUTE, () -> 1);
    }

    /** Live replicas as seen now, at least 1. */
    public int replicas() {
        return Math.max(1, liveReplicas.getAsInt());
    }

    @Override
    public CompletionStage<Admission> admit(AdmissionRequest request) {
        KeyLimits share = request.limits().dividedAmong(replicas());
        String leaseId = "local:" + request.requestId() + "#" + RandomIds.hex8();
        return done(key(request.keyId()).admit(request, share, clock.nowMillis(), leaseId));
    }

    /**
     * Counts a request that the shared store admitted, so that a switch to this store starts from
     * this replica's recent traffic rather than from zero.
     */
    public void absorb(AdmissionRequest request) {
        key(request.keyId()).absorb(clock.nowMillis(), request.estimatedTokens(), request.limits());
    }

    @Override
    public CompletionStage<Void> reconcile(Reservation reservation, long actualTokens) {
        if (actualTokens < 0) {
            throw new IllegalArgumentException("actualTokens < 0: " + actualTokens);
        }
        key(reservation.keyId()).settle(reservation, 0, actualTokens - reservation.reservedTokens(),
                clock.nowMillis());
        return done(null);
    }

    @Override
    public CompletionStage<Void> release(Reservation reservation) {
        return reconcile(reservation, 0);
    }

    @Override
    public CompletionStage<Void> cancel(Reservation reservation) {
        key(reservation.keyId()).settle(reservation, -1, -reservation.reservedTokens(), clock.nowMillis());
        return done(null);
    }

    @Override
    public CompletionStage<Boolean> renewLease(Reservation reservation, long ttlMillis) {
        return done(key(reservation.keyId()).renew(reservation.leaseId(), clock.nowMillis(), ttlMillis));
    }

    @Override
    public CompletionStage<Long> cooldown(String keyId, long untilMillis, String reason) {
        return done(key(keyId).extendCooldown(untilMillis, reason == null ? "" : reason));
    }

    @Override
    public CompletionStage<Long> markExhausted(String keyId, long untilMillis, String reason) {
        return done(key(keyId).extendExhaustion(untilMillis, reason == null ? "" : reason));
    }

    @Override
    public CompletionStage<Void> disable(String keyId, String reason) {
        key(keyId).setDisabled(true, reason == null ? "" : reason);
        return done(null);
    }

    @Override
    public CompletionStage<Void> enable(String keyId) {
        key(keyId).setDisabled(false, "");
        return done(null);
    }

    @Override
    public CompletionStage<Void> clearCooldown(String keyId) {
        key(keyId).clearCooldown();
        return done(null);
    }

    @Override
    public CompletionStage<Void> clearExhausted(String keyId) {
        key(keyId).clearExhausted();
        return done(null);
    }

    @Override
    public CompletionStage<Void> mirrorProviderView(String keyId, ProviderRateView view) {
        key(keyId).mirror(view);
        return done(null);
    }

    @Override
    public CompletionStage<KeyState> state(String keyId) {
        return done(key(keyId).snapshot(keyId, clock.nowMillis()));
    }

    private LocalKeyQuota key(String keyId) {
        return keys.computeIfAbsent(keyId, id -> new LocalKeyQuota(window));
    }

    private static <T> CompletionStage<T> done(T value) {
        return CompletableFuture.completedFuture(value);
    }
}
