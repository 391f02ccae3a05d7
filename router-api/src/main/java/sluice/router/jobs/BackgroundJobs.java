package sluice.router.jobs;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The replica's background timers (key-pool refresh, health reads, probes, the Redis state guard):
 * one daemon thread each, named for thread dumps, never blocking shutdown.
 */
public final class BackgroundJobs {
    private BackgroundJobs() {
    }

    /** A single-threaded scheduler on a daemon thread called {@code name}. */
    public static ScheduledExecutorService daemon(String name) {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }
}
