package sluice.quota.redis;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;

/**
 * A lock for leader-only jobs (health probes, ledger drain) across replicas: a Redisson
 * {@link RLock} taken without a lease time, so Redisson's watchdog keeps extending it while this
 * process lives, and it expires by itself (watchdog timeout, 30 s by default) when the process
 * dies. Owned by this object rather than by a thread, so any thread may release it.
 *
 * <p>Methods block for at most the call deadline (1.5 s) and throw
 * {@link sluice.quota.QuotaStoreUnavailableException} when Redis is unreachable: call them from a
 * scheduler or worker thread, never from an event loop.
 */
public final class LeaderLock {
    private final RLock lock;
    private final RedisCallRunner redis;
    private final long ownerId = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);

    public LeaderLock(RedissonClient redisson, String job) {
        this.lock = redisson.getLock(RedisKeys.leaderLock(job));
        this.redis = new RedisCallRunner(redisson, Duration.ofMillis(1500), new LongAdder());
    }

    /** @return true when this object holds the lock now (just taken, or already held) */
    public boolean tryAcquire() {
        if (isHeld()) {
            return true; // not again: the lock is reentrant and one release must free it
        }
        return redis.await(() -> lock.tryLockAsync(ownerId));
    }

    /** @return true while the lock in Redis belongs to this object */
    public boolean isHeld() {
        return redis.await(() -> lock.isHeldByThreadAsync(ownerId));
    }

    /** Releases the lock if this object holds it. */
    public void release() {
        if (isHeld()) {
            redis.await(() -> lock.unlockAsync(ownerId));
        }
    }
}
