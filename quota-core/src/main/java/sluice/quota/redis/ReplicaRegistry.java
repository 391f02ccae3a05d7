package sluice.quota.redis;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.redisson.api.RedissonClient;

/**
 * Replica liveness for the fail-open share (limit ÷ live replicas): each replica heartbeats into
 * the ZSET {@link RedisKeys#REPLICAS} (member = replica id, score = expiry on Redis's clock) and
 * remembers the last count it saw, which stays usable while Redis is down.
 */
public final class ReplicaRegistry implements AutoCloseable {
    private final RedisCallRunner redis;
    private final String replicaId;
    private final Duration interval;
    private final Duration ttl;
    private final AtomicInteger lastSeen = new AtomicInteger(1);
    private ScheduledExecutorService timer;

    /**
     * @param interval how often to heartbeat
     * @param ttl      how long a replica counts as live after its last heartbeat (a few intervals)
     */
    public ReplicaRegistry(RedissonClient redisson, String replicaId, Duration interval, Duration ttl) {
        this.redis = new RedisCallRunner(redisson, Duration.ofMillis(1500), new LongAdder());
        this.replicaId = replicaId;
        this.interval = interval;
        this.ttl = ttl;
    }

    /** Heartbeats every 2 s, live for 6 s. */
    public ReplicaRegistry(RedissonClient redisson, String replicaId) {
        this(redisson, replicaId, Duration.ofSeconds(2), Duration.ofSeconds(6));
    }

    /** Starts heartbeating on a daemon thread; the first heartbeat is sent at once. */
    public synchronized ReplicaRegistry start() {
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "sluice-replica-heartbeat");
                thread.setDaemon(true);
                return thread;
            });
            timer.scheduleAtFixedRate(() -> heartbeat(), 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        }
        return this;
    }

    /**
     * Sends one heartbeat.
     *
     * @return live replicas including this one; fails with
     *         {@link sluice.quota.QuotaStoreUnavailableException} when Redis is unreachable
     */
    public CompletionStage<Integer> heartbeat() {
        return beat(ttl.toMillis());
    }

    /** The last count seen (at least 1): what the local fallback divides limits by. */
    public int liveReplicas() {
        return Math.max(1, lastSeen.get());
    }

    /** Stops heartbeating and leaves the registry at once. */
    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
        try {
            beat(0).toCompletableFuture().join();
        } catch (RuntimeException unreachable) {
            // the entry expires by itself after the ttl
        }
    }

    private CompletionStage<Integer> beat(long ttlMillis) {
        return redis.runForLong(LuaScript.HEARTBEAT, List.of(RedisKeys.REPLICAS), "-1", replicaId, ttlMillis)
                .thenApply(count -> {
                    lastSeen.set(count.intValue());
                    return count.intValue();
                });
    }
}
