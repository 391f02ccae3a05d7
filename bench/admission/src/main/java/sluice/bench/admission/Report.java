package sluice.bench.admission;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** The markdown the benchmark prints: setup, tables, and a verdict per target. */
final class Report {
    /** Tolerances of the "flat" verdict, 10,000 keys against 10: structure must match, timings within ×1.5. */
    static final double STRUCTURE_TOLERANCE = 0.05;
    static final double TIMING_TOLERANCE = 1.5;

    private Report() {
    }

    static String markdown(String redisVersion, int seconds, int warmup, int jitSeconds,
                           List<AdmissionBench.PoolResult> pools,
                           AdmissionBench.ContendedResult contended) {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, """
                Setup: Redis %s on loopback (no persistence; `sluice.testsupport.RedisServer`), one Redisson \
                client from `RedisQuotaConfig.client` (4 Netty threads, pool of 32 connections), \
                `RedissonQuotaStore` (Redis `TIME`, 1-minute window in 100 ms buckets), `KeyHeadroomCache` \
                (blocks trusted 2 s), `KeySelector` (two random choices, 16 draws), `QuotaEngine` (lease 300 s). \
                %d asynchronous callers in a closed loop, each `admitAny(pool, limits, %,d tokens, requestId, %d)` \
                → (upstream: nothing, zero latency) → `reconcile(reservation, %,d)` → next request. \
                Warm-up: %d s of JIT on a 100-key pool, then per pool %d s of warm-up and %d s measured, in two \
                halves run in opposite orders (10 → 1,000 → 10,000, then back, 1 s of warm-up before each second \
                half) so that a drift in the machine's load does not favour one pool size. \
                Latency is service time under 64-way concurrency (closed loop, no coordinated-omission \
                correction), HdrHistogram, µs. Round trips, Redis time, CPU and memory come from Redis itself \
                (`INFO commandstats`, `INFO cpu`, `MONITOR`, `MEMORY USAGE`, read on separate connections whose \
                own commands are left out); Redisson's keep-alive `PING`s (every 1 s, whatever the traffic) are \
                shown apart.

                """, redisVersion, AdmissionBench.CALLERS, AdmissionBench.ESTIMATED_TOKENS, AdmissionBench.MAX_ATTEMPTS,
                AdmissionBench.ACTUAL_TOKENS, jitSeconds, warmup, seconds));

        md.append(String.format(Locale.ROOT,
                "### Latency and throughput: %d callers, limits that never bind (rpm 10^9, tpm 10^12, 10^6 concurrent)%n%n",
                AdmissionBench.CALLERS));
        md.append("| pool (keys) | admissions/s | admission p50 µs | p90 µs | p99 µs | p99.9 µs | max µs "
                + "| full request (admit + reconcile) p50 / p99 µs | admissions measured | errors "
                + "| 1 caller alone: admission p50 / p99 µs |\n");
        md.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (AdmissionBench.PoolResult p : pools) {
            Histogram h = p.admission();
            md.append(String.format(Locale.ROOT, "| %,d | %,.0f | %s | %s | %s | %s | %s | %s / %s | %,d | %,d | %s / %s |%n",
                    p.keys(), p.perSecond(), micros(h.getValueAtPercentile(50)), micros(h.getValueAtPercentile(90)),
                    micros(h.getValueAtPercentile(99)), micros(h.getValueAtPercentile(99.9)), micros(h.getMaxValue()),
                    micros(p.full().getValueAtPercentile(50)), micros(p.full().getValueAtPercentile(99)),
                    p.admissions(), p.errors(), micros(p.single().getValueAtPercentile(50)),
                    micros(p.single().getValueAtPercentile(99))));
        }
        md.append(String.format(Locale.ROOT, """

                With 64 callers the latency is mostly queueing: by Little's law a full request takes \
                64 ÷ throughput, and the throughput is what the 2 cores left to this JVM and Redis allow. \
                The last column is the floor: one caller alone on the same engine and keys for %d s after the \
                64-caller windows.
                """, AdmissionBench.SINGLE_SECONDS));

        md.append("\n### Redis cost per request, as Redis counts it\n\n");
        md.append("| pool (keys) | round trips before the upstream call | round trips after it (reconcile) "
                + "| script calls per full request (closed loop) | commands clients sent (MONITOR probe) "
                + "| commands run inside the scripts per full request "
                + "| Redis time per admission / reconcile µs | Redis CPU per full request µs "
                + "| gateway-side JVM CPU per full request µs "
                + "| keep-alive PINGs/s (not per request) | key-choice cache reads per admission "
                + "| Redis memory per key | Redis keys per key |\n");
        md.append("|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (AdmissionBench.PoolResult p : pools) {
            AdmissionBench.Probe probe = p.probe();
            RedisInfo.Delta w = p.window();
            long n = Math.max(1, p.admissions());
            md.append(String.format(Locale.ROOT,
                    "| %,d | %.2f | %.2f | %.3f | %s | %.1f | %.1f / %.1f | %.1f | %.1f | %.1f | %.1f | %s | %.2f |%n",
                    p.keys(), probe.roundTripsBefore(), probe.roundTripsAfter(), (double) w.scriptCalls() / n,
                    clientCommands(probe), (double) w.otherCalls() / n,
                    (double) probe.admit().scriptUsec() / Math.max(1, probe.admit().scriptCalls()),
                    (double) probe.reconcile().scriptUsec() / Math.max(1, probe.reconcile().scriptCalls()),
                    w.cpuSeconds() * 1e6 / n, p.jvmCpuNanos() / 1e3 / n, w.backgroundCalls() / w.seconds(),
                    (double) p.cacheReads() / Math.max(1, p.attempts()),
                    bytes(p.bytesPerKey()), p.redisKeysPerKey()));
        }
        md.append(String.format(Locale.ROOT, """

                How these are counted. `INFO commandstats` counts the commands a Lua script runs exactly like \
                the commands clients send, so round trips are the script calls (`EVALSHA`, `EVAL`, `SCRIPT`, \
                which no script can call) plus any other command a client sent, which `MONITOR` tells apart \
                (it prints `[0 lua]` for a script's commands, the client's address otherwise). "Before the \
                upstream call" and "after it" come from a probe per pool once its closed loop has stopped: \
                %,d admissions (64 at a time, reservations held) between two `INFO commandstats` snapshots, then \
                their %,d reconciles; then %,d more of each with `MONITOR` attached (kept out of every timed \
                window: it slows Redis down). Every command a client sends is one round trip: Redisson does \
                not pipeline these calls. "Script calls per full request" divides the script calls of the \
                timed closed-loop windows by the admissions in them (2 = one admission + one reconcile, no \
                retries, no script reloads). Redis time is `usec` of the script calls in `INFO commandstats` \
                (execution inside Redis, the script's own commands included, no network); Redis CPU is \
                `used_cpu_sys + used_cpu_user` of the whole server process over the timed windows divided by \
                the admissions (an admission and its reconcile); the JVM CPU is this process's CPU time over the \
                same windows per admission: `QuotaEngine`, Redisson and Netty as the gateway would run them, \
                plus the harness (HdrHistogram, counters). Redis memory per key: `MEMORY USAGE` of the 4 \
                Redis keys of each of up to 200 provider keys drawn at random from those used, after the run \
                (it depends on the key's traffic, not on the pool: a key charged in every 100 ms bucket of the \
                last minute holds ~600 buckets of 2 fields; a key seldom used, a few); Redis keys per key: how \
                many of the 4 exist on those keys (the leases set goes when its last lease is released, the \
                state hash exists only once a cooldown, exhaustion or disable was written).

                """, AdmissionBench.CALLERS * AdmissionBench.PROBE_PER_CALLER,
                AdmissionBench.CALLERS * AdmissionBench.PROBE_PER_CALLER,
                AdmissionBench.CALLERS * AdmissionBench.MONITORED_PER_CALLER));

        appendContended(md, contended);
        appendTargets(md, pools);
        return md.toString();
    }

    private static void appendContended(StringBuilder md, AdmissionBench.ContendedResult c) {
        md.append(String.format(Locale.ROOT,
                "### Contended: %d callers on a pool of 2 keys with real limits (rpm %,d, tpm %,d, %d concurrent, "
                        + "each)%n%n", AdmissionBench.CALLERS, AdmissionBench.REAL.rpm(), AdmissionBench.REAL.tpm(),
                AdmissionBench.REAL.maxConcurrent()));
        md.append(String.format(Locale.ROOT, "Estimate %,d tokens, actual %,d; a refused caller waits %d ms "
                        + "(its 429's trip back, at the least) before its next request. First the quota of the "
                        + "rolling minute is used up, then %.0f s of requests that can only be refused are measured.%n%n",
                AdmissionBench.CONTENDED_ESTIMATE, AdmissionBench.CONTENDED_ACTUAL, AdmissionBench.REFUSED_PAUSE_MILLIS,
                c.seconds()));
        long refused = Math.max(1, c.refused());
        long[] by = c.refusedByAttempts();
        double roundTripsPerDenied = (double) (c.window().scriptCalls() - 2 * c.granted()) / refused;
        md.append("| figure | measured |\n|---|---:|\n");
        md.append(String.format(Locale.ROOT, "| admitted in the whole run (the rolling minute allows 2 × %,d) "
                        + "| %,d (quota used up after %.1f s) |%n", AdmissionBench.REAL.rpm(), c.grantedTotal(),
                c.exhaustSeconds()));
        md.append(String.format(Locale.ROOT, "| requests measured | %,d in %.1f s (%,.0f/s); admitted %,d, refused %,d |%n",
                c.requests(), c.seconds(), c.requests() / c.seconds(), c.granted(), c.refused()));
        md.append(String.format(Locale.ROOT,
                "| refused from the local key-choice cache, no round trip | %,d (%.2f %%) |%n",
                by[0], 100.0 * by[0] / refused));
        for (int i = 1; i < by.length; i++) {
            if (by[i] > 0 || i <= 2) {
                md.append(String.format(Locale.ROOT, "| refused after %d Redis denial%s | %,d (%.2f %%) |%n",
                        i, i == 1 ? "" : "s", by[i], 100.0 * by[i] / refused));
            }
        }
        Histogram h = c.refusedLatency();
        md.append(String.format(Locale.ROOT, "| denial latency, all refusals: p50 / p90 / p99 / p99.9 / max µs "
                        + "| %s / %s / %s / %s / %s |%n", micros(h.getValueAtPercentile(50)),
                micros(h.getValueAtPercentile(90)), micros(h.getValueAtPercentile(99)),
                micros(h.getValueAtPercentile(99.9)), micros(h.getMaxValue())));
        Histogram r = c.refusedRemote();
        md.append(String.format(Locale.ROOT, "| denial latency, refusals that asked Redis: p50 / p99 µs | %s |%n",
                r.getTotalCount() == 0 ? "none" : micros(r.getValueAtPercentile(50)) + " / "
                        + micros(r.getValueAtPercentile(99))));
        md.append(String.format(Locale.ROOT, "| Redis round trips per denied request | %.4f |%n", roundTripsPerDenied));
        md.append(String.format(Locale.ROOT, "| script calls per denied request | %s |%n",
                c.window().perRequest(refused, RedisInfo.Stats.SCRIPT_CALLS::contains)));
        md.append(String.format(Locale.ROOT, "| Redis CPU per denied request µs | %.2f |%n",
                c.window().cpuSeconds() * 1e6 / refused));
        md.append(String.format(Locale.ROOT, "| Redis denials by reason (measured window) | %s |%n",
                reasons(c.reasons())));
        md.append(String.format(Locale.ROOT, "| errors | %,d |%n%n", c.errors()));
    }

    private static void appendTargets(StringBuilder md, List<AdmissionBench.PoolResult> pools) {
        md.append("### Against the targets\n\n| target (DESIGN.md, issue 3) | measured | verdict |\n|---|---|---|\n");
        double worstBefore = pools.stream().mapToDouble(p -> p.probe().roundTripsBefore()).max().orElse(Double.NaN);
        StringBuilder before = new StringBuilder();
        for (AdmissionBench.PoolResult p : pools) {
            before.append(before.length() == 0 ? "" : ", ")
                    .append(String.format(Locale.ROOT, "%.2f (%,d keys)", p.probe().roundTripsBefore(), p.keys()));
        }
        md.append(String.format(Locale.ROOT, "| ≤ 2 Redis round trips before the upstream call | key admission: %s "
                        + "| %s |%n", before,
                worstBefore <= 2.0
                        ? String.format(Locale.ROOT, "**holds** for key admission; the tenant check (not part of "
                                + "quota-core, not measured here) must fit in the remaining %.2f", 2.0 - worstBefore)
                        : String.format(Locale.ROOT, "**missed** by %.2f", worstBefore - 2.0)));

        AdmissionBench.PoolResult small = pools.get(0);
        AdmissionBench.PoolResult large = pools.get(pools.size() - 1);
        double rtSmall = small.probe().roundTripsBefore();
        double rtLarge = large.probe().roundTripsBefore();
        double readsSmall = (double) small.cacheReads() / Math.max(1, small.attempts());
        double readsLarge = (double) large.cacheReads() / Math.max(1, large.attempts());
        double usSmall = small.window().cpuSeconds() * 1e6 / Math.max(1, small.admissions());
        double usLarge = large.window().cpuSeconds() * 1e6 / Math.max(1, large.admissions());
        double p50Small = small.admission().getValueAtPercentile(50);
        double p50Large = large.admission().getValueAtPercentile(50);
        double p99Small = small.admission().getValueAtPercentile(99);
        double p99Large = large.admission().getValueAtPercentile(99);
        double aloneSmall = small.single().getValueAtPercentile(50);
        double aloneLarge = large.single().getValueAtPercentile(50);
        double insideSmall = (double) small.window().otherCalls() / Math.max(1, small.admissions());
        double insideLarge = (double) large.window().otherCalls() / Math.max(1, large.admissions());
        double tputRatio = large.perSecond() / small.perSecond();
        boolean structure = close(rtSmall, rtLarge) && readsLarge <= readsSmall * (1 + STRUCTURE_TOLERANCE) + 0.5;
        boolean cost = usLarge <= usSmall * TIMING_TOLERANCE && aloneLarge <= aloneSmall * TIMING_TOLERANCE;
        String measured = String.format(Locale.ROOT, "10 → %,d keys: round trips before the call %.2f → %.2f; "
                        + "cache reads per admission %.1f → %.1f; Redis CPU per full request %.1f → %.1f µs (%+.0f %%); "
                        + "commands inside the scripts %.1f → %.1f; 1 caller alone p50 %s → %s µs; "
                        + "64 callers: p50 %s → %s µs, p99 %s → %s µs, throughput ×%.2f", large.keys(), rtSmall, rtLarge,
                readsSmall, readsLarge, usSmall, usLarge, 100 * (usLarge / usSmall - 1), insideSmall, insideLarge,
                micros((long) aloneSmall), micros((long) aloneLarge), micros((long) p50Small), micros((long) p50Large),
                micros((long) p99Small), micros((long) p99Large), tputRatio);
        String verdict;
        if (structure && cost) {
            verdict = "**holds**: same round trips and key-choice work; Redis CPU per request and the one-caller "
                    + "latency within ×" + TIMING_TOLERANCE + " (64-caller latency and throughput are given for "
                    + "information: on this machine they move with its load)";
        } else if (structure) {
            verdict = "**partly**: round trips and key-choice work are flat, but Redis CPU per request or the "
                    + "one-caller latency grew by more than ×" + TIMING_TOLERANCE;
        } else {
            verdict = "**does not hold**: round trips or key-choice work grow with the pool";
        }
        md.append("| hot-path cost flat from 10 to 10,000 keys | ").append(measured).append(" | ").append(verdict)
                .append(" |\n");
    }

    /** e.g. {@code evalsha 1.00 + 1.00}: client-sent commands per admission + per reconcile, PINGs left out. */
    private static String clientCommands(AdmissionBench.Probe probe) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        for (Map<String, Long> phase : List.of(probe.monitoredAdmit(), probe.monitoredReconcile())) {
            phase.keySet().stream().filter(k -> k.startsWith("client "))
                    .map(k -> k.substring("client ".length()))
                    .filter(k -> !RedisInfo.Stats.BACKGROUND.contains(k)).forEach(names::add);
        }
        if (names.isEmpty()) {
            return "none seen";
        }
        StringBuilder text = new StringBuilder();
        for (String name : names) {
            text.append(text.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s %.2f + %.2f", name,
                    (double) probe.monitoredAdmit().getOrDefault("client " + name, 0L) / probe.monitoredRequests(),
                    (double) probe.monitoredReconcile().getOrDefault("client " + name, 0L) / probe.monitoredRequests()));
        }
        return text.toString();
    }

    private static boolean close(double a, double b) {
        return Math.abs(a - b) <= STRUCTURE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
    }

    private static String reasons(Map<String, Long> reasons) {
        StringBuilder text = new StringBuilder();
        reasons.forEach((k, v) -> {
            if (v > 0) {
                text.append(text.length() == 0 ? "" : ", ").append(k).append(' ')
                        .append(String.format(Locale.ROOT, "%,d", v));
            }
        });
        return text.length() == 0 ? "none" : text.toString();
    }

    /** Nanoseconds as microseconds: one decimal below 10 µs, whole numbers above. */
    static String micros(long nanos) {
        double us = nanos / 1000.0;
        return us < 10 ? String.format(Locale.ROOT, "%.1f", us) : String.format(Locale.ROOT, "%,.0f", us);
    }

    static String bytes(double b) {
        if (b >= 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MiB", b / (1024 * 1024));
        }
        if (b >= 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", b / 1024);
        }
        return String.format(Locale.ROOT, "%.0f B", b);
    }
}
