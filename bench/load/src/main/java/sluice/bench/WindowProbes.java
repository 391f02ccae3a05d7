package sluice.bench;

import io.vertx.core.json.JsonObject;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * What is read around the measured window, on a thread of its own so that the load's event
 * loop is never blocked: CPU and memory of the processes under test, and Redis command counts.
 */
final class WindowProbes implements AutoCloseable {
    private final ProcessSampler processes;
    private final RedisCommandDelta redis;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bench-probes");
        t.setDaemon(true);
        return t;
    });
    private ScheduledFuture<?> stopped;
    private volatile String redisProblem;

    /** @param redis null when no Redis is to be watched */
    WindowProbes(ProcessSampler processes, RedisCommandDelta redis) {
        this.processes = processes;
        this.redis = redis;
    }

    void schedule(long warmupMs, long durationMs) {
        timer.schedule(() -> {
            processes.start();
            if (redis != null) {
                guarded(redis::start);
            }
        }, warmupMs, TimeUnit.MILLISECONDS);
        timer.scheduleAtFixedRate(processes::sampleMemory, warmupMs + 250, 250, TimeUnit.MILLISECONDS);
        stopped = timer.schedule(() -> {
            processes.stop();
            if (redis != null) {
                guarded(redis::stop);
            }
        }, warmupMs + durationMs, TimeUnit.MILLISECONDS);
    }

    /** Waits for the end-of-window readings and returns them normalised by {@code requests}. */
    JsonObject finish(long requests) throws Exception {
        stopped.get(30, TimeUnit.SECONDS);
        JsonObject out = new JsonObject().put("processes", processes.finish(requests));
        if (redis != null) {
            out.put("redis", redisProblem != null ? new JsonObject().put("problem", redisProblem)
                    : redis.finish(requests));
        }
        return out;
    }

    private void guarded(IoAction action) {
        try {
            action.run();
        } catch (Exception e) {
            redisProblem = e.toString();
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    @FunctionalInterface
    private interface IoAction {
        void run() throws Exception;
    }
}
