package sluice.bench.admission;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.HdrHistogram.Histogram;
import org.redisson.api.RedissonClient;
import sluice.quota.KeyHeadroomCache;
import sluice.quota.KeyLimits;
import sluice.quota.KeySelector;
import sluice.quota.PoolAdmission;
import sluice.quota.QuotaEngine;
import sluice.quota.QuotaStore;
import sluice.quota.Reservation;
import sluice.quota.SystemTimeSource;
import sluice.quota.redis.RedisKeys;
import sluice.quota.redis.RedisQuotaConfig;
import sluice.quota.redis.RedissonQuotaStore;
import sluice.testsupport.RedisServer;

/**
 * Admission cost of quota-core against a real Redis (issue 3, "Benchmark"): the gateway's hot path
 * ({@code QuotaEngine.admitAny} → {@code reconcile}, no upstream) at 64 concurrent callers for
 * pools of 10, 1,000 and 10,000 keys whose limits never bind, then 64 callers on 2 keys with real
 * limits (denials). Latency from HdrHistogram; Redis round trips, Redis-side time, CPU and memory
 * from Redis itself ({@code INFO commandstats / cpu / memory}, {@code DBSIZE}) on a separate
 * connection. Prints a markdown report on stdout (progress on stderr) and writes it to the file
 * named by the first argument, if any.
 *
 * <p>Environment: {@code ADMISSION_BENCH_SECONDS} measured seconds per case (default 15, 3..25);
 * warm-up is a quarter of it (at least 2 s). The whole run stays under 3 minutes and stops by
 * itself (a watchdog halts it, Redis stopped first, if anything hangs).
 */
public final class AdmissionBench {
    static final int CALLERS = 64;
    static final int MAX_ATTEMPTS = 3;
    static final long LEASE_TTL_MILLIS = 300_000;
    static final long ESTIMATED_TOKENS = 1_000;
    static final long ACTUAL_TOKENS = 800;
    static final long REFUSED_PAUSE_MILLIS = 1;
    static final int[] POOLS = {10, 1_000, 10_000};
    /** Never binds: rpm 10^9, tpm 10^12, no daily limit, 10^6 concurrent. */
    static final KeyLimits HIGH = new KeyLimits(1_000_000_000L, 1_000_000_000_000L, 0, 0, 1_000_000, ZoneOffset.UTC);
    /**
     * The contended case: real limits on 2 keys; RPM binds (TPM would allow 12,000 requests of 500;
     * 64 concurrent per key never binds with 64 callers: a concurrency denial's retry time is the
     * oldest lease's expiry, so the key-choice cache would skip the key for its full 2 s and blur the
     * figure this case is for, the cost of an RPM denial).
     */
    static final KeyLimits REAL = new KeyLimits(6_000, 6_000_000, 0, 0, 64, ZoneOffset.UTC);
    static final long CONTENDED_ESTIMATE = 500;
    static final long CONTENDED_ACTUAL = 400;
    static final int PROBE_PER_CALLER = 40;
    static final int MONITORED_PER_CALLER = 5;
    static final int SINGLE_SECONDS = 2;

    private final int seconds;
    private final int warmup;
    private final int port;
    private final RedisInfo info;
    private final QuotaStore store;
    private final ScheduledExecutorService scheduler;

    private AdmissionBench(int seconds, int warmup, int port, RedisInfo info, QuotaStore store,
                           ScheduledExecutorService scheduler) {
        this.seconds = seconds;
        this.warmup = warmup;
        this.port = port;
        this.info = info;
        this.store = store;
        this.scheduler = scheduler;
    }

    public static void main(String[] args) throws Exception {
        int seconds = Math.max(3, Math.min(25, envInt("ADMISSION_BENCH_SECONDS", 15)));
        int warmup = Math.max(2, seconds / 4);
        Path out = args.length > 0 ? Path.of(args[0]) : null;
        // JIT warm-up, per pool two warm-ups + the measured time + probe and memory sample,
        // contended (quota use-up + measured), start and stop
        long expected = warmup + 3 + POOLS.length * (warmup + 1 + seconds + SINGLE_SECONDS + 4L) + 6 + seconds + 8;
        long limit = Math.min(expected + 45, 178);
        log("measuring %d s per case after %d s of warm-up; about %d s in all (watchdog at %d s)",
                seconds, warmup, expected, limit);

        RedisServer redis = RedisServer.start();
        startWatchdog(limit, redis);
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bench-callers");
            t.setDaemon(true);
            return t;
        });
        RedissonClient client = null;
        try (RedisInfo info = new RedisInfo(redis.port())) {
            log("redis %s on %s", info.version(), redis.uri());
            client = RedisQuotaConfig.client(redis.uri());
            AdmissionBench bench = new AdmissionBench(seconds, warmup, redis.port(), info,
                    new RedissonQuotaStore(client), scheduler);
            String report = bench.run(info.version());
            System.out.print(report);
            System.out.flush();
            if (out != null) {
                Files.createDirectories(out.toAbsolutePath().getParent());
                Files.writeString(out, report, StandardCharsets.UTF_8);
            }
        } finally {
            scheduler.shutdownNow();
            if (client != null) {
                client.shutdown(0, 2, TimeUnit.SECONDS);
            }
            redis.stop();
        }
        log("done; redis stopped");
        System.exit(0);
    }

    private String run(String redisVersion) throws Exception {
        int jitSeconds = warmup + 3;
        log("JIT warm-up: %d s on a 100-key pool", jitSeconds);
        PoolRun jit = new PoolRun(this, "jit", keys("jit", 100), HIGH, ESTIMATED_TOKENS, ACTUAL_TOKENS);
        jit.loop.start();
        sleepSeconds(jitSeconds);
        jit.loop.stop();

        // two rounds in opposite orders (10, 1,000, 10,000 then back), half the measured time each,
        // so a machine whose load drifts during the run does not favour one pool size
        List<PoolState> pools = new ArrayList<>();
        for (int size : POOLS) {
            pools.add(new PoolState(size, new PoolRun(this, "p" + size, keys("p" + size, size), HIGH,
                    ESTIMATED_TOKENS, ACTUAL_TOKENS)));
        }
        int first = (seconds + 1) / 2;
        for (PoolState pool : pools) {
            visit(pool, warmup, first);
        }
        List<PoolResult> results = new ArrayList<>();
        for (int i = pools.size() - 1; i >= 0; i--) {
            PoolState pool = pools.get(i);
            visit(pool, 1, seconds - first);
            results.add(0, finish(pool));
        }
        ContendedResult contended = measureContended();
        return Report.markdown(redisVersion, seconds, warmup, jitSeconds, results, contended);
    }

    // ------------------------------------------------------------------------------------------ pools

    /** One engine (its own key-choice cache) and one closed loop over a pool. */
    private static final class PoolRun {
        final KeyHeadroomCache cache = new KeyHeadroomCache(SystemTimeSource.INSTANCE, 2_000);
        final QuotaEngine engine;
        final List<String> keys;
        final Function<String, KeyLimits> limits;
        final ClosedLoop loop;

        PoolRun(AdmissionBench bench, String name, List<String> keys, KeyLimits limits, long estimate, long actual) {
            this.engine = new QuotaEngine(bench.store, cache, new KeySelector(cache), LEASE_TTL_MILLIS);
            this.keys = keys;
            this.limits = keyId -> limits;
            this.loop = new ClosedLoop(engine, keys, this.limits, estimate, actual, MAX_ATTEMPTS, CALLERS,
                    REFUSED_PAUSE_MILLIS, bench.scheduler, name + "-req-");
        }
    }

    /** What the measured windows of one pool have added up to so far. */
    private static final class PoolState {
        final int size;
        final PoolRun run;
        final Histogram admission = new Histogram(3);
        final Histogram full = new Histogram(3);
        RedisInfo.Delta window = RedisInfo.Delta.ZERO;
        long admissions;
        long attempts;
        long cacheReads;
        long errors;
        long jvmCpuNanos;

        PoolState(int size, PoolRun run) {
            this.size = size;
            this.run = run;
        }
    }

    record PoolResult(int keys, long admissions, double seconds, Histogram admission, Histogram full,
                      RedisInfo.Delta window, long cacheReads, long attempts, Probe probe,
                      double bytesPerKey, int sampledKeys, double redisKeysPerKey, int touched, long errors,
                      String firstError, long jvmCpuNanos, Histogram single, double singlePerSecond) {
        double perSecond() {
            return admissions / seconds;
        }
    }

    /**
     * Separates "before the upstream call" from "after it" in Redis's own counters: {@code n}
     * admissions with nothing else going on (64 at a time, reservations held), then their
     * {@code n} reconciles; then the same, smaller, with MONITOR attached to tell the commands
     * clients sent from those the scripts ran.
     */
    record Probe(int requests, int granted, RedisInfo.Delta admit, RedisInfo.Delta reconcile,
                 int monitoredRequests, Map<String, Long> monitoredAdmit, Map<String, Long> monitoredReconcile) {
        /** Script calls per admission (commandstats) + other commands clients sent (MONITOR). */
        double roundTripsBefore() {
            return (double) admit.scriptCalls() / requests + clientOther(monitoredAdmit) / monitoredRequests;
        }

        double roundTripsAfter() {
            return (double) reconcile.scriptCalls() / requests + clientOther(monitoredReconcile) / monitoredRequests;
        }

        /** Commands a client sent that are not script calls nor keep-alive PINGs. */
        static double clientOther(Map<String, Long> monitored) {
            return monitored.entrySet().stream().filter(e -> e.getKey().startsWith("client "))
                    .filter(e -> {
                        String command = e.getKey().substring("client ".length());
                        return !RedisInfo.Stats.SCRIPT_CALLS.contains(command)
                                && !RedisInfo.Stats.BACKGROUND.contains(command);
                    }).mapToLong(Map.Entry::getValue).sum();
        }

        static double lua(Map<String, Long> monitored) {
            return monitored.entrySet().stream().filter(e -> e.getKey().startsWith("lua "))
                    .mapToLong(Map.Entry::getValue).sum();
        }
    }

    private void visit(PoolState pool, int warmSeconds, int measureSeconds) throws Exception {
        ClosedLoop loop = pool.run.loop;
        log("pool of %,d keys: %d s warm-up, %d s measured", pool.size, warmSeconds, measureSeconds);
        loop.start();
        sleepSeconds(warmSeconds);
        // counters are read right after each Redis snapshot, so both windows shift alike
        RedisInfo.Stats start = info.snapshot();
        long cpu0 = processCpuNanos();
        loop.resetLatencies();
        long admitted0 = loop.granted.sum();
        long attempts0 = loop.grantedAttempts.sum();
        long lookups0 = pool.run.cache.lookups();
        long errors0 = loop.errors.sum();
        sleepSeconds(measureSeconds);
        RedisInfo.Stats end = info.snapshot();
        long cpu1 = processCpuNanos();
        pool.jvmCpuNanos += cpu1 - cpu0;
        pool.admissions += loop.granted.sum() - admitted0;
        pool.attempts += loop.grantedAttempts.sum() - attempts0;
        pool.cacheReads += pool.run.cache.lookups() - lookups0;
        pool.errors += loop.errors.sum() - errors0;
        pool.admission.add(ClosedLoop.drain(loop.grantedLatency));
        pool.full.add(ClosedLoop.drain(loop.fullLatency));
        pool.window = pool.window.plus(end.since(start));
        loop.stop();
    }

    private PoolResult finish(PoolState pool) throws Exception {
        PoolRun run = pool.run;
        // memory of the state the run left, read key by key on a sample of the keys used
        List<String> touched = new ArrayList<>(run.loop.touched);
        java.util.Collections.shuffle(touched);
        List<String> sample = touched.subList(0, Math.min(200, touched.size()));
        long bytes = 0;
        long redisKeys = 0;
        for (String keyId : sample) {
            for (String redisKey : List.of(RedisKeys.state(keyId), RedisKeys.minute(keyId), RedisKeys.day(keyId),
                    RedisKeys.leases(keyId))) {
                long used = info.memoryUsage(redisKey);
                bytes += used;
                redisKeys += used > 0 ? 1 : 0;
            }
        }
        // the floor: one caller alone, same engine and keys (no queueing behind 63 others)
        ClosedLoop alone = new ClosedLoop(run.engine, run.keys, run.limits, ESTIMATED_TOKENS, ACTUAL_TOKENS,
                MAX_ATTEMPTS, 1, REFUSED_PAUSE_MILLIS, scheduler, "p" + pool.size + "-alone-");
        alone.start();
        Thread.sleep(500);
        alone.resetLatencies();
        long alone0 = alone.granted.sum();
        long aloneStart = System.nanoTime();
        sleepSeconds(SINGLE_SECONDS);
        Histogram single = ClosedLoop.drain(alone.grantedLatency);
        double singlePerSecond = (alone.granted.sum() - alone0) / ((System.nanoTime() - aloneStart) / 1e9);
        alone.stop();

        Probe probe = probe(run);
        Throwable firstError = run.loop.firstError();
        PoolResult result = new PoolResult(pool.size, pool.admissions, pool.window.seconds(), pool.admission,
                pool.full, pool.window, pool.cacheReads, pool.attempts, probe,
                sample.isEmpty() ? 0 : (double) bytes / sample.size(), sample.size(),
                sample.isEmpty() ? 0 : (double) redisKeys / sample.size(),
                run.loop.touched.size(), pool.errors, firstError == null ? null : String.valueOf(firstError),
                pool.jvmCpuNanos, single, singlePerSecond);
        log("pool of %,d keys: %,.0f admissions/s, p50 %s µs, p99 %s µs, %.2f round trips before upstream, "
                        + "%.2f script calls per full request, %,d keys touched", pool.size, result.perSecond(),
                Report.micros(pool.admission.getValueAtPercentile(50)),
                Report.micros(pool.admission.getValueAtPercentile(99)), probe.roundTripsBefore(),
                (double) pool.window.scriptCalls() / Math.max(1, pool.admissions), result.touched());
        return result;
    }

    private Probe probe(PoolRun run) throws Exception {
        int n = CALLERS * PROBE_PER_CALLER;
        Queue<Reservation> held = new ConcurrentLinkedQueue<>();
        RedisInfo.Stats s0 = info.snapshot();
        admitMany(run, held, PROBE_PER_CALLER, "probe");
        RedisInfo.Stats s1 = info.snapshot();
        int granted = held.size();
        reconcileMany(run.engine, held);
        RedisInfo.Stats s2 = info.snapshot();

        int m = CALLERS * MONITORED_PER_CALLER;
        Map<String, Long> monitoredAdmit;
        Map<String, Long> monitoredReconcile;
        try (RedisMonitor monitor = new RedisMonitor(port, info)) {
            monitor.mark();
            admitMany(run, held, MONITORED_PER_CALLER, "monitored");
            monitoredAdmit = monitor.mark();
            reconcileMany(run.engine, held);
            monitoredReconcile = monitor.mark();
        }
        return new Probe(n, granted, s1.since(s0), s2.since(s1), m, monitoredAdmit, monitoredReconcile);
    }

    private static void admitMany(PoolRun run, Queue<Reservation> held, int perCaller, String tag) throws Exception {
        List<CompletableFuture<Void>> chains = new ArrayList<>();
        for (int c = 0; c < CALLERS; c++) {
            CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
            for (int i = 0; i < perCaller; i++) {
                String requestId = tag + "-" + c + "-" + i + "-" + run.keys.size();
                chain = chain.thenCompose(ignored -> run.engine.admitAny(run.keys, run.limits, ESTIMATED_TOKENS,
                        requestId, MAX_ATTEMPTS).thenAccept(answer -> {
                            if (answer instanceof PoolAdmission.Granted granted) {
                                held.add(granted.admitted().reservation());
                                run.loop.touched.add(granted.admitted().reservation().keyId());
                            }
                        }));
            }
            chains.add(chain);
        }
        CompletableFuture.allOf(chains.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    }

    private static void reconcileMany(QuotaEngine engine, Queue<Reservation> held) throws Exception {
        List<CompletableFuture<Void>> chains = new ArrayList<>();
        for (int c = 0; c < CALLERS; c++) {
            chains.add(reconcileAll(engine, held));
        }
        CompletableFuture.allOf(chains.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    }

    private static CompletableFuture<Void> reconcileAll(QuotaEngine engine, Queue<Reservation> held) {
        Reservation next = held.poll();
        if (next == null) {
            return CompletableFuture.completedFuture(null);
        }
        return engine.reconcile(next, ACTUAL_TOKENS).toCompletableFuture()
                .thenCompose(ignored -> reconcileAll(engine, held));
    }

    // ------------------------------------------------------------------------------------------ contended

    record ContendedResult(long grantedTotal, long grantedAllowed, double exhaustSeconds, long requests,
                           long granted, long refused, double seconds, long[] refusedByAttempts,
                           Map<String, Long> reasons, Histogram refusedLatency, Histogram refusedRemote,
                           Histogram grantedLatency, RedisInfo.Delta window, long errors) {
    }

    private ContendedResult measureContended() throws Exception {
        int measured = Math.min(seconds, 45); // the first admissions must stay in the rolling minute
        PoolRun run = new PoolRun(this, "hot", keys("hot", 2), REAL, CONTENDED_ESTIMATE, CONTENDED_ACTUAL);
        log("contended: %d callers on 2 keys (rpm %,d each): using the quota up", CALLERS, REAL.rpm());
        long t0 = System.nanoTime();
        run.loop.start();
        // until the rolling minute's quota is gone: all of it admitted, or refusals and no admission
        // for 2.5 s (longer than the key-choice cache trusts a block), at most 12 s
        long lastGranted = -1;
        long stableSince = System.nanoTime();
        while (System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(12)) {
            Thread.sleep(50);
            long g = run.loop.granted.sum();
            if (g >= 2 * REAL.rpm()) {
                break;
            }
            if (g != lastGranted) {
                lastGranted = g;
                stableSince = System.nanoTime();
            } else if (run.loop.refused.sum() > 0 && System.nanoTime() - stableSince > 2_500_000_000L) {
                break;
            }
        }
        double exhaustSeconds = (System.nanoTime() - t0) / 1e9;
        RedisInfo.Stats start = info.snapshot();
        run.loop.resetLatencies();
        long granted0 = run.loop.granted.sum();
        long refused0 = run.loop.refused.sum();
        long errors0 = run.loop.errors.sum();
        long[] byAttempts0 = sums(run.loop.refusedByAttempts);
        Map<String, Long> reasons0 = sums(run.loop.denyReasons);
        log("contended: quota used up after %.1f s (%,d admitted); measuring denials for %d s",
                exhaustSeconds, granted0, measured);
        sleepSeconds(measured);
        RedisInfo.Stats end = info.snapshot();
        long granted = run.loop.granted.sum() - granted0;
        long refused = run.loop.refused.sum() - refused0;
        long errors = run.loop.errors.sum() - errors0;
        long[] byAttempts = sums(run.loop.refusedByAttempts);
        for (int i = 0; i < byAttempts.length; i++) {
            byAttempts[i] -= byAttempts0[i];
        }
        Map<String, Long> reasons = new TreeMap<>();
        sums(run.loop.denyReasons).forEach((k, v) -> reasons.put(k, v - reasons0.getOrDefault(k, 0L)));
        Histogram refusedLatency = ClosedLoop.drain(run.loop.refusedLatency);
        Histogram refusedRemote = ClosedLoop.drain(run.loop.refusedRemoteLatency);
        Histogram grantedLatency = ClosedLoop.drain(run.loop.grantedLatency);
        run.loop.stop();
        long grantedTotal = run.loop.granted.sum();
        RedisInfo.Delta window = end.since(start);
        ContendedResult result = new ContendedResult(grantedTotal, 2 * REAL.rpm(), exhaustSeconds, granted + refused,
                granted, refused, window.seconds(), byAttempts, reasons, refusedLatency, refusedRemote,
                grantedLatency, window, errors);
        log("contended: %,d refused (%,.0f/s), p50 %s µs, p99 %s µs, %.4f round trips per denied request; "
                        + "%,d admitted in all (allowed %,d)", refused, refused / window.seconds(),
                Report.micros(refusedLatency.getValueAtPercentile(50)),
                Report.micros(refusedLatency.getValueAtPercentile(99)),
                (double) (window.scriptCalls() - 2 * granted) / Math.max(1, refused), grantedTotal,
                2 * REAL.rpm());
        return result;
    }

    // ------------------------------------------------------------------------------------------ helpers

    private static List<String> keys(String prefix, int n) {
        return IntStream.range(0, n).mapToObj(i -> prefix + "-key-" + i).collect(Collectors.toUnmodifiableList());
    }

    private static long[] sums(LongAdder[] adders) {
        long[] values = new long[adders.length];
        for (int i = 0; i < adders.length; i++) {
            values[i] = adders[i].sum();
        }
        return values;
    }

    private static Map<String, Long> sums(Map<String, LongAdder> adders) {
        Map<String, Long> values = new TreeMap<>();
        adders.forEach((k, v) -> values.put(k, v.sum()));
        return values;
    }

    /** CPU time of this JVM (all threads: engine, Redisson, Netty, and the harness), ns. */
    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    private static void sleepSeconds(int s) throws InterruptedException {
        Thread.sleep(TimeUnit.SECONDS.toMillis(s));
    }

    private static int envInt(String name, int fallback) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number of seconds, not " + value, e);
        }
    }

    private static void startWatchdog(long seconds, RedisServer redis) {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
            } catch (InterruptedException e) {
                return;
            }
            log("still running after %d s: giving up (redis stopped, exit 3)", seconds);
            try {
                redis.kill9();
            } finally {
                Runtime.getRuntime().halt(3);
            }
        }, "bench-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    static void log(String format, Object... args) {
        PrintStream err = System.err;
        err.printf(Locale.ROOT, "[admission-bench %tT] %s%n", System.currentTimeMillis(),
                String.format(Locale.ROOT, format, args));
    }
}
