package sluice.quota.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import sluice.quota.Admission;
import sluice.quota.AdmissionRequest;
import sluice.quota.Admitted;
import sluice.quota.Denied;
import sluice.quota.DenyReason;
import sluice.quota.FailoverMode;
import sluice.quota.FailoverQuotaStore;
import sluice.quota.KeyHeadroomCache;
import sluice.quota.KeyLimits;
import sluice.quota.KeySelector;
import sluice.quota.LocalQuotaStore;
import sluice.quota.ManualTimeSource;
import sluice.quota.PoolAdmission;
import sluice.quota.QuotaEngine;
import sluice.quota.SystemTimeSource;
import sluice.quota.WindowSpec;
import sluice.testsupport.RedisServer;

/** Redis killed and restarted under each policy: the mode holds, nothing hangs, recovery is automatic. */
class FailoverQuotaStoreIT {
    private static final long T0 = Instant.parse("2026-03-10T12:00:00Z").toEpochMilli();
    private static final KeyLimits RPM_10 = KeyLimits.perMinute(10, 0);

    private RedisServer redis;
    private RedissonClient client;
    private final ManualTimeSource quotaClock = new ManualTimeSource(T0);
    private final String key = "key-" + UUID.randomUUID();

    @BeforeEach
    void start() {
        redis = RedisServer.start();
        client = RedisQuotaConfig.client(redis.uri());
    }

    @AfterEach
    void stop() {
        client.shutdown();
        redis.stop();
    }

    private FailoverQuotaStore failover(FailoverMode mode, int liveReplicas) {
        RedissonQuotaStore shared = new RedissonQuotaStore(client, RedisQuotaSettings.defaults().withClock(quotaClock));
        LocalQuotaStore local = new LocalQuotaStore(quotaClock, WindowSpec.MINUTE, () -> liveReplicas);
        return new FailoverQuotaStore(shared, local, mode, SystemTimeSource.INSTANCE, Duration.ofSeconds(1));
    }

    private Admission admit(FailoverQuotaStore store) {
        return await(store.admit(new AdmissionRequest(key, RPM_10, 10, "r", 30_000)));
    }

    private static <T> T await(CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    @Test
    void failClosedDeniesQuicklyWhileRedisIsDownAndRecoversByItself() {
        FailoverQuotaStore store = failover(FailoverMode.FAIL_CLOSED, 1);
        assertFalse(((Admitted) admit(store)).reservation().local());
        redis.kill9();

        long first = System.nanoTime();
        Denied denied = assertInstanceOf(Denied.class, admit(store));
        assertEquals(DenyReason.STORE_UNAVAILABLE, denied.reason());
        assertTrue(millisSince(first) < 2_500, "first denial after " + millisSince(first) + " ms");

        long burst = System.nanoTime();
        for (int i = 0; i < 50; i++) {
            assertEquals(DenyReason.STORE_UNAVAILABLE, ((Denied) admit(store)).reason());
        }
        assertTrue(millisSince(burst) < 500, "50 denials took " + millisSince(burst) + " ms: Redis was waited on");
        assertFalse(store.sharedAvailable());
        assertTrue(store.fallbacks().sum() >= 51);

        redis.restart();
        Admitted back = Poll.until(Duration.ofSeconds(15),
                () -> admit(store) instanceof Admitted admitted ? admitted : null);
        assertNotNull(back, "admits through Redis again without a restart of the replica");
        assertFalse(back.reservation().local());
        assertTrue(store.sharedAvailable());
    }

    @Test
    void failOpenAdmitsThisReplicasShareCountingWhatRedisAdmittedBefore() {
        FailoverQuotaStore store = failover(FailoverMode.FAIL_OPEN_LOCAL, 2); // share: 10 / 2 = 5
        for (int i = 0; i < 3; i++) {
            assertFalse(((Admitted) admit(store)).reservation().local());
        }
        redis.kill9();

        Admitted local = assertInstanceOf(Admitted.class, admit(store));
        assertTrue(local.reservation().local());
        assertInstanceOf(Admitted.class, admit(store));
        Denied denied = assertInstanceOf(Denied.class, admit(store));
        assertEquals(DenyReason.RPM, denied.reason(), "3 via Redis + 2 locally = this replica's 5");
        await(store.reconcile(local.reservation(), 5)); // settles locally, no Redis needed

        redis.restart();
        quotaClock.advanceMillis(61_000);
        Admitted back = Poll.until(Duration.ofSeconds(15),
                () -> admit(store) instanceof Admitted admitted && !admitted.reservation().local() ? admitted : null);
        assertNotNull(back, "returns to Redis by itself");
    }

    @Test
    void engineStopsAtTheFirstStoreUnavailableDenial() {
        FailoverQuotaStore store = failover(FailoverMode.FAIL_CLOSED, 1);
        KeyHeadroomCache cache = new KeyHeadroomCache(quotaClock);
        QuotaEngine engine = new QuotaEngine(store, cache, new KeySelector(cache), 30_000);
        redis.kill9();
        PoolAdmission answer = await(engine.admitAny(List.of("a", "b", "c"), id -> RPM_10, 10, "r", 3));
        PoolAdmission.Refused refused = assertInstanceOf(PoolAdmission.Refused.class, answer);
        assertTrue(refused.storeUnavailable());
        assertEquals(1, refused.attempts(), "no point trying other keys of a dead store");
    }
}
