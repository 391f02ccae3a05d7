package sluice.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The benchmark load tool. Sub-commands:
 * <pre>
 *   load        closed-loop load on one target, one JSON line of results
 *   overshoot   load against rate-limited keys, then the simulator's 429s and utilisation
 *   probe-redis Redis round trips before the upstream call (MONITOR, requests one at a time)
 *   profile     summary of a Java Flight Recording of a gateway under load
 *   report      docs/benchmarks.md and its PNG plot from the JSON lines
 *   mint-tenants tenants and a client key each through the admin API (the scale run's 1,000 tenants)
 * </pre>
 * Every target must be on loopback; every run is bounded in time and request count.
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] argv) throws Exception {
        if (argv.length == 0) {
            usage();
            return;
        }
        Args args = new Args(argv, 1);
        switch (argv[0]) {
            case "load" -> emit(args, withVertx(vertx -> load(vertx, args)));
            case "overshoot" -> emit(args, withVertx(vertx -> OvershootRun.run(vertx, args)));
            case "probe-redis" -> emit(args, RedisRoundTripProbe.run(args));
            case "report" -> Report.write(args);
            case "profile" -> emit(args, JfrSummary.run(args));
            case "redis" -> redis(args);
            case "mint-tenants" -> TenantMint.run(args);
            default -> usage();
        }
        System.exit(0);
    }

    private static JsonObject load(Vertx vertx, Args args) throws Exception {
        LoadSpec spec = LoadSpec.from(args);
        String redis = args.string("redis", "");
        try (WindowProbes probes = new WindowProbes(
                new ProcessSampler(args.all("proc"), args.number("clock-ticks", 100)),
                redis.isEmpty() ? null : new RedisCommandDelta(redis))) {
            return new LoadRun(vertx, spec).run(probes);
        }
    }

    private static JsonObject withVertx(VertxTask task) throws Exception {
        // one event loop: the load tool must leave the other core to the servers under test
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1));
        try {
            return task.run(vertx);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    /** Prints a one-line summary and appends the JSON line to {@code --out} when given. */
    private static void emit(Args args, JsonObject result) throws IOException {
        System.out.println(Summary.line(result));
        String out = args.string("out", "");
        if (!out.isEmpty()) {
            Files.writeString(Path.of(out), result.encode() + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    /** One Redis command (the bench's only use: FLUSHALL between runs), printed reply. */
    private static void redis(Args args) throws IOException {
        String target = args.string("redis");
        if (!target.startsWith("127.0.0.1:") && !target.startsWith("localhost:")) {
            throw new IllegalArgumentException("loopback Redis only, got " + target);
        }
        try (RespClient redis = new RespClient(target)) {
            System.out.println(redis.call(args.string("command").split(" ")));
        }
    }

    private static void usage() {
        System.err.println("""
                usage: bench-load <command> [--option value]...
                  load        --label L --url U[,U...] --concurrency N [--stream true] [--warmup-s 5]
                              [--duration-s 10] [--auth KEY | --auth-file KEYS] [--proc group=pid[,pid]]...
                              [--redis host:port]
                              [--tag k=v]... [--max-requests N] [--out results.jsonl]
                  overshoot   --sim http://127.0.0.1:P --label L --url U[,U...] --concurrency 200
                              --warmup-s 0 --duration-s 60 [--tag k=v]... [--out results.jsonl]
                  probe-redis --url U --redis host:port [--requests 20] [--upstream-latency-ms 200] [--out F]
                  profile     --jfr FILE [--label L] [--top 15] [--out F]
                  report      --results DIR (*.jsonl, *.cmd) --machine machine.txt [--caveat TEXT]
                              --out docs/benchmarks.md --png docs/benchmarks.png
                  redis       --redis host:port --command WORD [WORD...]   (e.g. FLUSHALL)
                  mint-tenants --gateway http://127.0.0.1:P --token-file F --count 1000 --out KEYS""");
        System.exit(2);
    }

    @FunctionalInterface
    private interface VertxTask {
        JsonObject run(Vertx vertx) throws Exception;
    }
}
