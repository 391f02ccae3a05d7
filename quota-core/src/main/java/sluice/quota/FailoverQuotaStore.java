package sluice.quota;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The shared store with a documented fallback (ADR 0003). While the shared store answers, it is
 * the only truth. When it fails with {@link QuotaStoreUnavailableException}, the store is marked
 * down and every call takes the fallback at once, without waiting on Redis; one call per probe
 * interval tries Redis again, and the first success returns to it by itself.
 *
 * <p>In {@link FailoverMode#FAIL_OPEN_LOCAL} every request admitted by the shared store is also
 * counted in the local store, and cooldowns/flags are written to both, so a switch to local
 * limits starts from this replica's recent traffic and known cooldowns.
 */
public final class FailoverQuotaStore implements QuotaStore {
    private static final System.Logger LOG = System.getLogger(FailoverQuotaStore.class.getName());
    private final QuotaStore shared;
    private final LocalQuotaStore local;
    private final FailoverMode mode;
    private final TimeSource clock;
    private final long probeIntervalMillis;
    private final AtomicLong nextProbeAt = new AtomicLong();
    private volatile boolean sharedDown;
    private final LongAdder fallbacks = new LongAdder();

    /** Probes a down store at most once a second, on the system clock. */
    public FailoverQuotaStore(QuotaStore shared, LocalQuotaStore local, FailoverMode mode) {
        this(shared, local, mode, SystemTimeSource.INSTANCE, Duration.ofSeconds(1));
    }

    public FailoverQuotaStore(QuotaStore shared, LocalQuotaStore local, FailoverMode mode, TimeSource clock,
                              Duration probeInterval) {
        this.shared = shared;
        this.local = local;
        this.mode = mode;
        this.clock = clock;
        this.probeIntervalMillis = probeInterval.toMillis();
    }

    public FailoverMode mode() {
        return mode;
    }

    /** The shared store (for its own metrics). */
    public QuotaStore shared() {
        return shared;
    }

    /** False from the first failure until the shared store answers a probe. */
    public boolean sharedAvailable() {
        return !sharedDown;
    }

    /** Calls answered by the fallback (denied or admitted locally), for a metrics counter. */
    public LongAdder fallbacks() {
        return fallbacks;
    }

    /**
     * @return the shared store's answer; while it is down: {@link Denied} with
     *         {@link DenyReason#STORE_UNAVAILABLE} (fail closed) or the local store's answer
     *         (fail open). Never fails with {@link QuotaStoreUnavailableException}.
     */
    @Override
    public CompletionStage<Admission> admit(AdmissionRequest request) {
        return viaShared(() -> shared.admit(request), admission -> {
            if (mode == FailoverMode.FAIL_OPEN_LOCAL && admission instanceof Admitted) {
                local.absorb(request);
            }
            return admission;
        }, () -> fallbackAdmit(request));
    }

    private CompletionStage<Admission> fallbackAdmit(AdmissionRequest request) {
        fallbacks.increment();
        if (mode == FailoverMode.FAIL_OPEN_LOCAL) {
            return local.admit(request);
        }
        return CompletableFuture.completedFuture(new Denied(DenyReason.STORE_UNAVAILABLE,
                Math.max(nextProbeAt.get(), clock.nowMillis()), "quota store unreachable; failing closed"));
    }

    /** Local reservations settle locally; shared ones fail fast while the shared store is down. */
    @Override
    public CompletionStage<Void> reconcile(Reservation reservation, long actualTokens) {
        if (reservation.local()) {
            return local.reconcile(reservation, actualTokens);
        }
        return viaShared(() -> shared.reconcile(reservation, actualTokens), Function.identity(), null);
    }

    /**
     * Shared reservations while the shared store is up: one exchange with it, its failures seen
     * like any call's. Otherwise (a local reservation among them, or the shared store known down)
     * each settles as {@link #reconcile} would and the entry is left to the caller.
     */
    @Override
    public Settled settle(List<Settlement> settlements, StreamAppend alongside) {
        if (sharedDown || settlements.stream().anyMatch(s -> s.reservation().local())) {
            return Settled.separately(this, settlements);
        }
        Settled sent = shared.settle(settlements, alongside);
        return new Settled(sent.settlements().stream().map(this::observed).toList(),
                sent.appended() == null ? null : observed(sent.appended()));
    }

    @Override
    public CompletionStage<Void> release(Reservation reservation) {
        if (reservation.local()) {
            return local.release(reservation);
        }
        return viaShared(() -> shared.release(reservation), Function.identity(), null);
    }

    @Override
    public CompletionStage<Void> cancel(Reservation reservation) {
        if (reservation.local()) {
            return local.cancel(reservation);
        }
        return viaShared(() -> shared.cancel(reservation), Function.identity(), null);
    }

    @Override
    public CompletionStage<Boolean> renewLease(Reservation reservation, long ttlMillis) {
        if (reservation.local()) {
            return local.renewLease(reservation, ttlMillis);
        }
        return viaShared(() -> shared.renewLease(reservation, ttlMillis), Function.identity(), null);
    }

    @Override
    public CompletionStage<Long> cooldown(String keyId, long untilMillis, String reason) {
        CompletionStage<Long> localResult = local.cooldown(keyId, untilMillis, reason);
        return viaShared(() -> shared.cooldown(keyId, untilMillis, reason), Function.identity(), whenOpen(localResult));
    }

    @Override
    public CompletionStage<Long> markExhausted(String keyId, long untilMillis, String reason) {
        CompletionStage<Long> localResult = local.markExhausted(keyId, untilMillis, reason);
        return viaShared(() -> shared.markExhausted(keyId, untilMillis, reason), Function.identity(),
                whenOpen(localResult));
    }

    @Override
    public CompletionStage<Void> disable(String keyId, String reason) {
        CompletionStage<Void> localResult = local.disable(keyId, reason);
        return viaShared(() -> shared.disable(keyId, reason), Function.identity(), whenOpen(localResult));
    }

    @Override
    public CompletionStage<Void> enable(String keyId) {
        CompletionStage<Void> localResult = local.enable(keyId);
        return viaShared(() -> shared.enable(keyId), Function.identity(), whenOpen(localResult));
    }

    @Override
    public CompletionStage<Void> clearCooldown(String keyId) {
        CompletionStage<Void> localResult = local.clearCooldown(keyId);
        return viaShared(() -> shared.clearCooldown(keyId), Function.identity(), whenOpen(localResult));
    }

    @Override
    public CompletionStage<Void> clearExhausted(String keyId) {
        CompletionStage<Void> localResult = local.clearExhausted(keyId);
        return viaShared(() -> shared.clearExhausted(keyId), Function.identity(), whenOpen(localResult));
    }

    @Override
    public CompletionStage<Void> mirrorProviderView(String keyId, ProviderRateView view) {
        CompletionStage<Void> localResult = local.mirrorProviderView(keyId, view);
        return viaShared(() -> shared.mirrorProviderView(keyId, view), Function.identity(), whenOpen(localResult));
    }

    /** The shared state; while it is down, the local one in fail-open mode. */
    @Override
    public CompletionStage<KeyState> state(String keyId) {
        Supplier<CompletionStage<KeyState>> localState =
                mode == FailoverMode.FAIL_OPEN_LOCAL ? () -> local.state(keyId) : null;
        return viaShared(() -> shared.state(keyId), Function.identity(), localState);
    }

    private <T> Supplier<CompletionStage<T>> whenOpen(CompletionStage<T> localResult) {
        return mode == FailoverMode.FAIL_OPEN_LOCAL ? () -> localResult : null;
    }

    /**
     * Calls the shared store unless it is known down (and no probe is due); on unavailability marks
     * it down and answers with {@code fallback}, or fails fast when there is none.
     */
    private <T> CompletionStage<T> viaShared(Supplier<CompletionStage<T>> call, Function<T, T> onSuccess,
                                             Supplier<CompletionStage<T>> fallback) {
        if (!mayCallShared()) {
            return fallback != null ? fallback.get() : failFast();
        }
        return observed(call.get()).handle((value, failure) -> {
            if (failure == null) {
                return CompletableFuture.completedFuture(onSuccess.apply(value));
            }
            Throwable cause = unwrap(failure);
            if (cause instanceof QuotaStoreUnavailableException && fallback != null) {
                return fallback.get();
            }
            return CompletableFuture.<T>failedFuture(cause);
        }).thenCompose(Function.identity());
    }

    /** A shared store call's outcome, unchanged: an answer marks the store up, unavailability down. */
    private <T> CompletionStage<T> observed(CompletionStage<T> call) {
        return call.whenComplete((value, failure) -> {
            if (failure == null) {
                sharedDown = false;
            } else if (unwrap(failure) instanceof QuotaStoreUnavailableException unavailable) {
                markDown(unavailable);
            }
        });
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    private boolean mayCallShared() {
        if (!sharedDown) {
            return true;
        }
        long due = nextProbeAt.get();
        long now = clock.nowMillis();
        return now >= due && nextProbeAt.compareAndSet(due, now + probeIntervalMillis);
    }

    private void markDown(QuotaStoreUnavailableException cause) {
        if (!sharedDown) {
            LOG.log(System.Logger.Level.WARNING, "shared quota store unavailable ({0}), {1} until a probe answers",
                    cause.getMessage(), mode == FailoverMode.FAIL_CLOSED ? "refusing" : "counting locally");
        }
        sharedDown = true;
        nextProbeAt.set(clock.nowMillis() + probeIntervalMillis);
    }

    private <T> CompletionStage<T> failFast() {
        return CompletableFuture.failedFuture(new QuotaStoreUnavailableException(
                "quota store unreachable; next probe at " + nextProbeAt.get(), null));
    }
}
