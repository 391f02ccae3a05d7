package sluice.router.cluster;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;

/**
 * A bounded load: {@code clients} threads send chat requests round robin over the replicas for
 * a fixed time, and count answers by status. It stops by itself.
 */
public final class LoadRun {
    private final Map<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();
    private final LongAdder transportErrors = new LongAdder();
    private final Map<Integer, String> sampleBodies = new ConcurrentHashMap<>();
    private final java.util.Queue<String> requestIds = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final Map<String, String> headers;

    private LoadRun(Map<String, String> headers) {
        this.headers = headers;
    }

    /** Runs the load and returns when it ended; {@code replicas} gives each request's base URL. */
    public static LoadRun run(int clients, Duration duration, IntFunction<String> replicas, int replicaCount,
                              String body) throws InterruptedException {
        return run(clients, duration, replicas, replicaCount, body, Map.of());
    }

    /** Like {@link #run(int, Duration, IntFunction, int, String)}, every request carrying {@code headers}. */
    public static LoadRun run(int clients, Duration duration, IntFunction<String> replicas, int replicaCount,
                              String body, Map<String, String> headers) throws InterruptedException {
        LoadRun run = new LoadRun(headers);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
                .executor(Executors.newFixedThreadPool(4)).build();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long end = System.nanoTime() + duration.toNanos();
        for (int c = 0; c < clients; c++) {
            int client = c;
            pool.submit(() -> {
                int n = client;
                while (System.nanoTime() < end) {
                    run.one(http, replicas.apply(n++ % replicaCount), body);
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(duration.toSeconds() + 60, TimeUnit.SECONDS)) {
            pool.shutdownNow();
        }
        return run;
    }

    private void one(HttpClient http, String baseUrl, String body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/v1/chat/completions"))
                    .timeout(Duration.ofSeconds(30))
                    .header("content-type", "application/json");
            headers.forEach(request::header);
            HttpResponse<String> r = http.send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            byStatus.computeIfAbsent(r.statusCode(), s -> new LongAdder()).increment();
            r.headers().firstValue("x-request-id").ifPresent(requestIds::add);
            if (r.statusCode() != 200) {
                sampleBodies.putIfAbsent(r.statusCode(), r.body().length() > 600 ? r.body().substring(0, 600) : r.body());
            }
            if (r.statusCode() == 429 || r.statusCode() == 503) {
                // like the SDKs: honour the gateway's retry hint (bounded, so the run keeps pressure on)
                long hinted = r.headers().firstValueAsLong("retry-after-ms").orElse(100);
                Thread.sleep(Math.max(20, Math.min(hinted, 250)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            transportErrors.increment();
        }
    }

    public long count(int status) {
        LongAdder a = byStatus.get(status);
        return a == null ? 0 : a.sum();
    }

    /** @return the gateway's request id of every answer received */
    public List<String> requestIds() {
        return List.copyOf(requestIds);
    }

    public long transportErrors() {
        return transportErrors.sum();
    }

    /** @return statuses other than the listed ones, with counts */
    public Map<Integer, Long> otherThan(List<Integer> expected) {
        Map<Integer, Long> other = new java.util.TreeMap<>();
        byStatus.forEach((s, n) -> {
            if (!expected.contains(s)) {
                other.put(s, n.sum());
            }
        });
        return other;
    }

    @Override
    public String toString() {
        Map<Integer, Long> all = new java.util.TreeMap<>();
        byStatus.forEach((s, n) -> all.put(s, n.sum()));
        return "statuses=" + all + ", transportErrors=" + transportErrors.sum()
                + (sampleBodies.isEmpty() ? "" : ", sample answers=" + sampleBodies);
    }
}
