package sluice.quota.redis;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import sluice.testsupport.TestServers;

/** Two replicas compete for a leader-only job; the watchdog keeps it, a dead holder loses it. */
class LeaderLockIT {
    private static final long WATCHDOG_MS = 1000;

    private final String job = "job-" + UUID.randomUUID();
    private final RedissonClient replicaA = client();
    private final RedissonClient replicaB = client();

    private static RedissonClient client() {
        Config config = RedisQuotaConfig.config(TestServers.redis().uri());
        config.setLockWatchdogTimeout(WATCHDOG_MS);
        return Redisson.create(config);
    }

    @AfterEach
    void shutdown() {
        if (!replicaA.isShutdown()) {
            replicaA.shutdown();
        }
        replicaB.shutdown();
    }

    @Test
    void onlyOneReplicaHoldsTheLockAndTheWatchdogKeepsItPastItsTimeout() throws Exception {
        LeaderLock a = new LeaderLock(replicaA, job);
        LeaderLock b = new LeaderLock(replicaB, job);
        assertTrue(a.tryAcquire());
        assertFalse(b.tryAcquire());
        Poll.pause(WATCHDOG_MS * 2 + 500);
        assertTrue(a.isHeld(), "renewed by the watchdog");
        assertFalse(b.tryAcquire());
        CompletableFuture.runAsync(a::release).get(); // any thread may release it
        assertTrue(b.tryAcquire());
        assertFalse(a.isHeld());
    }

    @Test
    void theLockOfADeadReplicaExpiresByItself() {
        LeaderLock a = new LeaderLock(replicaA, job);
        LeaderLock b = new LeaderLock(replicaB, job);
        assertTrue(a.tryAcquire());
        replicaA.shutdown(); // no release: like kill -9, the watchdog simply stops
        assertNotNull(Poll.until(Duration.ofSeconds(5), () -> b.tryAcquire() ? Boolean.TRUE : null),
                "taken over within the watchdog timeout");
    }
}
