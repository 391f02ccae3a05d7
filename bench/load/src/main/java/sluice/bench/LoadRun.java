package sluice.bench;

import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.concurrent.TimeUnit;

/**
 * Drives one {@link LoadSpec} closed-loop on a single Vert.x event loop (so the load tool takes
 * one core at most) and counts only requests that both started and ended inside the measured
 * window. Everything below runs on that event loop; no locking is needed.
 */
final class LoadRun {
    private final LoadSpec spec;
    private final Context context;
    private final HttpClient client;
    private final Buffer body;
    private final LatencyStats total = new LatencyStats();
    private final LatencyStats firstByte = new LatencyStats();
    private final JsonArray errorSamples = new JsonArray();
    private final Promise<Void> done = Promise.promise();
    private long measureStart;
    private long measureEnd;
    private long sent;
    private long ok;
    private long rateLimited;
    private long httpErrors;
    private long failures;
    private long incomplete;
    private int activeClients;

    LoadRun(Vertx vertx, LoadSpec spec) {
        this.spec = spec;
        this.context = vertx.getOrCreateContext();
        this.client = vertx.createHttpClient(new HttpClientOptions()
                        .setKeepAlive(true).setPipelining(false).setTcpNoDelay(true)
                        .setConnectTimeout(5000).setMaxInitialLineLength(8192),
                new PoolOptions().setHttp1MaxSize(spec.concurrency()).setMaxWaitQueueSize(-1));
        this.body = Buffer.buffer(spec.body());
    }

    /** Runs warm-up and window, waits for in-flight requests, and returns the figures. */
    JsonObject run(WindowProbes probes) throws Exception {
        long start = System.nanoTime();
        measureStart = start + TimeUnit.MILLISECONDS.toNanos(spec.warmupMs());
        measureEnd = measureStart + TimeUnit.MILLISECONDS.toNanos(spec.durationMs());
        probes.schedule(spec.warmupMs(), spec.durationMs());
        context.runOnContext(v -> {
            activeClients = spec.concurrency();
            for (int i = 0; i < spec.concurrency(); i++) {
                issue(i);
            }
        });
        long limit = spec.warmupMs() + spec.durationMs() + spec.requestTimeoutMs() + 5000;
        done.future().toCompletionStage().toCompletableFuture().get(limit, TimeUnit.MILLISECONDS);
        client.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        long completed = ok + rateLimited + httpErrors + failures + incomplete;
        return result(completed, probes.finish(completed));
    }

    private void issue(int clientIndex) {
        if (System.nanoTime() >= measureEnd || sent >= spec.maxRequests()) {
            if (--activeClients == 0) {
                done.tryComplete();
            }
            return;
        }
        sent++;
        Exchange exchange = new Exchange(clientIndex, System.nanoTime());
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST)
                .setAbsoluteURI(spec.urls().get(clientIndex % spec.urls().size()))
                .setIdleTimeout(spec.requestTimeoutMs())
                .putHeader("content-type", "application/json")
                .putHeader("accept", spec.stream() ? "text/event-stream" : "application/json");
        String auth = spec.authFor(sent);
        if (auth != null) {
            options.putHeader("authorization", "Bearer " + auth);
        }
        client.request(options)
                .compose(request -> request.send(body))
                .onSuccess(response -> {
                    exchange.status = response.statusCode();
                    response.handler(exchange::onData);
                    response.exceptionHandler(error -> finish(exchange, error));
                    response.endHandler(v -> finish(exchange, null));
                })
                .onFailure(error -> finish(exchange, error));
    }

    private void finish(Exchange exchange, Throwable error) {
        if (exchange.finished) {
            return;
        }
        exchange.finished = true;
        long end = System.nanoTime();
        if (exchange.start >= measureStart && end <= measureEnd) {
            count(exchange, error, end);
        }
        if (error != null) {
            // back off briefly so a refused connection cannot spin the loop
            context.owner().setTimer(5, id -> issue(exchange.clientIndex));
        } else {
            issue(exchange.clientIndex);
        }
    }

    private void count(Exchange exchange, Throwable error, long end) {
        if (error != null) {
            failures++;
            sample(error.toString());
        } else if (exchange.status == 429) {
            rateLimited++;
        } else if (exchange.status != 200) {
            httpErrors++;
            sample("HTTP " + exchange.status + ": " + exchange.tail);
        } else if (spec.stream() && !exchange.tail.contains("[DONE]")) {
            incomplete++;
            sample("stream without [DONE]: " + exchange.tail);
        } else {
            ok++;
            total.recordNanos(end - exchange.start);
            firstByte.recordNanos((exchange.firstByte > 0 ? exchange.firstByte : end) - exchange.start);
        }
    }

    private void sample(String message) {
        if (errorSamples.size() < 5) {
            errorSamples.add(message.length() > 300 ? message.substring(0, 300) : message);
        }
    }

    private JsonObject result(long completed, JsonObject probes) {
        double seconds = spec.durationMs() / 1000.0;
        return new JsonObject()
                .put("type", "load")
                .put("label", spec.label())
                .put("tags", spec.tags())
                .put("urls", new JsonArray(spec.urls()))
                .put("concurrency", spec.concurrency())
                .put("stream", spec.stream())
                .put("warmupSeconds", spec.warmupMs() / 1000.0)
                .put("durationSeconds", seconds)
                .put("sent", sent)
                .put("completed", completed)
                .put("ok", ok)
                .put("rateLimited", rateLimited)
                .put("httpErrors", httpErrors)
                .put("failures", failures)
                .put("incomplete", incomplete)
                .put("rps", ok / seconds)
                .put("rpsAll", completed / seconds)
                .put("latencyMs", total.toJson())
                .put("firstByteMs", firstByte.toJson())
                .put("errorSamples", errorSamples)
                .mergeIn(probes);
    }

    /** One request in flight. */
    private static final class Exchange {
        final int clientIndex;
        final long start;
        long firstByte;
        int status;
        boolean finished;
        String tail = "";

        Exchange(int clientIndex, long start) {
            this.clientIndex = clientIndex;
            this.start = start;
        }

        void onData(Buffer data) {
            if (firstByte == 0 && data.length() > 0) {
                firstByte = System.nanoTime();
            }
            String last = data.getString(Math.max(0, data.length() - 64), data.length());
            String joined = tail + last;
            tail = joined.length() > 64 ? joined.substring(joined.length() - 64) : joined;
        }
    }
}
