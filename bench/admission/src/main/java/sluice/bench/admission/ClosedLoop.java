package sluice.bench.admission;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import sluice.quota.KeyDenial;
import sluice.quota.KeyLimits;
import sluice.quota.PoolAdmission;
import sluice.quota.QuotaEngine;
import sluice.quota.Reservation;

/**
 * {@code callers} asynchronous callers in a closed loop, each doing what the gateway does around
 * an upstream call with zero latency: {@code admitAny} → (upstream, here nothing) →
 * {@code reconcile}, then its next request at once. No thread per caller: each caller is one chain
 * of completion stages, continued on whichever thread completed the previous stage (Redisson's
 * Netty threads, as in the gateway's event loop). A refused caller pauses {@code refusedPauseMillis}
 * before its next request (the 429's trip back to its client, at the least), so a run of
 * refusals answered from the local cache, which complete synchronously, cannot monopolise an I/O
 * thread.
 *
 * <p>Latencies are recorded in nanoseconds from just before {@code admitAny} to its completion
 * (admission) and to the reconcile's completion (full request). Closed loop: no coordinated-omission
 * correction; the figures are service times under 64-way concurrency.
 */
final class ClosedLoop {
    private final QuotaEngine engine;
    private final List<String> keys;
    private final Function<String, KeyLimits> limits;
    private final long estimatedTokens;
    private final long actualTokens;
    private final int maxAttempts;
    private final int callers;
    private final long refusedPauseMillis;
    private final ScheduledExecutorService scheduler;
    private final String requestPrefix;

    final Recorder grantedLatency = new Recorder(3);
    final Recorder fullLatency = new Recorder(3);
    final Recorder refusedLatency = new Recorder(3);
    final Recorder refusedRemoteLatency = new Recorder(3);
    final LongAdder granted = new LongAdder();
    final LongAdder refused = new LongAdder();
    final LongAdder grantedAttempts = new LongAdder();
    final LongAdder reconciled = new LongAdder();
    final LongAdder errors = new LongAdder();
    final LongAdder[] refusedByAttempts;
    final Map<String, LongAdder> denyReasons = new ConcurrentHashMap<>();
    final Set<String> touched = ConcurrentHashMap.newKeySet();
    private final AtomicLong sequence = new AtomicLong();
    private volatile Throwable firstError;

    private volatile boolean running;
    private CountDownLatch idle;

    ClosedLoop(QuotaEngine engine, List<String> keys, Function<String, KeyLimits> limits, long estimatedTokens,
               long actualTokens, int maxAttempts, int callers, long refusedPauseMillis,
               ScheduledExecutorService scheduler, String requestPrefix) {
        this.engine = engine;
        this.keys = keys;
        this.limits = limits;
        this.estimatedTokens = estimatedTokens;
        this.actualTokens = actualTokens;
        this.maxAttempts = maxAttempts;
        this.callers = callers;
        this.refusedPauseMillis = refusedPauseMillis;
        this.scheduler = scheduler;
        this.requestPrefix = requestPrefix;
        this.refusedByAttempts = new LongAdder[maxAttempts + 1];
        for (int i = 0; i <= maxAttempts; i++) {
            refusedByAttempts[i] = new LongAdder();
        }
    }

    void start() {
        running = true;
        idle = new CountDownLatch(callers);
        for (int i = 0; i < callers; i++) {
            scheduler.execute(this::loop);
        }
    }

    /** Asks every caller to stop after its current request and waits until all have. */
    void stop() throws InterruptedException {
        running = false;
        if (!idle.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("callers still busy 30 s after stop: Redis stuck?");
        }
    }

    Throwable firstError() {
        return firstError;
    }

    /** Clears every latency recorder (end of a warm-up). */
    void resetLatencies() {
        grantedLatency.reset();
        fullLatency.reset();
        refusedLatency.reset();
        refusedRemoteLatency.reset();
    }

    static Histogram drain(Recorder recorder) {
        return recorder.getIntervalHistogram();
    }

    /** One caller: a trampoline, so requests that complete synchronously do not deepen the stack. */
    private void loop() {
        while (running) {
            CompletableFuture<Void> request = oneRequest();
            if (!request.isDone()) {
                request.whenComplete((ignored, failure) -> loop());
                return;
            }
        }
        idle.countDown();
    }

    private CompletableFuture<Void> oneRequest() {
        long start = System.nanoTime();
        String requestId = requestPrefix + sequence.incrementAndGet();
        CompletableFuture<PoolAdmission> admission;
        try {
            admission = engine.admitAny(keys, limits, estimatedTokens, requestId, maxAttempts).toCompletableFuture();
        } catch (RuntimeException e) {
            return failed(e);
        }
        return admission.thenCompose(answer -> {
            long admittedAt = System.nanoTime();
            if (answer instanceof PoolAdmission.Granted grantedAnswer) {
                grantedLatency.recordValue(admittedAt - start);
                granted.increment();
                grantedAttempts.add(grantedAnswer.attempts());
                Reservation reservation = grantedAnswer.admitted().reservation();
                touched.add(reservation.keyId());
                // ... the upstream call would be here (zero latency) ...
                return engine.reconcile(reservation, actualTokens).toCompletableFuture().thenRun(() -> {
                    fullLatency.recordValue(System.nanoTime() - start);
                    reconciled.increment();
                });
            }
            PoolAdmission.Refused refusal = (PoolAdmission.Refused) answer;
            refusedLatency.recordValue(admittedAt - start);
            refused.increment();
            refusedByAttempts[Math.min(refusal.attempts(), maxAttempts)].increment();
            if (refusal.attempts() > 0) {
                refusedRemoteLatency.recordValue(admittedAt - start);
            }
            for (KeyDenial denial : refusal.refusals()) {
                denyReasons.computeIfAbsent(denial.denied().reason().name(), r -> new LongAdder()).increment();
            }
            CompletableFuture<Void> pause = new CompletableFuture<>();
            scheduler.schedule(() -> pause.complete(null), refusedPauseMillis, TimeUnit.MILLISECONDS);
            return pause;
        }).exceptionallyCompose(this::failed);
    }

    private CompletableFuture<Void> failed(Throwable failure) {
        errors.increment();
        if (firstError == null) {
            firstError = failure;
        }
        // an error (Redis unreachable...) must not turn into a busy loop: back off a little
        CompletableFuture<Void> pause = new CompletableFuture<>();
        scheduler.schedule(() -> pause.complete(null), 10, TimeUnit.MILLISECONDS);
        return pause;
    }
}
