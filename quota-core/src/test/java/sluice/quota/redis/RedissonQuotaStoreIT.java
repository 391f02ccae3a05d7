package sluice.quota.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import sluice.quota.AbstractQuotaStoreContractTest;
import sluice.quota.Admission;
import sluice.quota.AdmissionRequest;
import sluice.quota.Admitted;
import sluice.quota.Denied;
import sluice.quota.DenyReason;
import sluice.quota.KeyLimits;
import sluice.quota.ManualTimeSource;
import sluice.quota.QuotaStore;
import sluice.quota.QuotaStoreUnavailableException;
import sluice.testsupport.RedisServer;
import sluice.testsupport.TestServers;

/** The contract against a real Redis, plus what only a shared store must prove. */
class RedissonQuotaStoreIT extends AbstractQuotaStoreContractTest {
    private static RedissonClient client;
    private final List<RedissonClient> extraClients = new ArrayList<>();

    @BeforeAll
    static void connect() {
        client = RedisQuotaConfig.client(TestServers.redis().uri());
    }

    @AfterAll
    static void disconnect() {
        client.shutdown();
    }

    @AfterEach
    void closeExtraClients() {
        extraClients.forEach(RedissonClient::shutdown);
    }

    @Override
    protected QuotaStore newStore(ManualTimeSource clock) {
        return new RedissonQuotaStore(client, RedisQuotaSettings.defaults().withClock(clock));
    }

    private RedissonClient newClient(String uri) {
        RedissonClient extra = RedisQuotaConfig.client(uri);
        extraClients.add(extra);
        return extra;
    }

    @Test
    void threeReplicasWithFiftyThreadsEachAdmitExactlyTheLimit() throws Exception {
        List<QuotaStore> replicas = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            replicas.add(new RedissonQuotaStore(newClient(TestServers.redis().uri()),
                    RedisQuotaSettings.defaults().withClock(clock)));
        }
        KeyLimits rpm100 = KeyLimits.perMinute(100, 0);
        AtomicInteger admitted = new AtomicInteger();
        AtomicInteger deniedByRpm = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(150);
        List<java.util.concurrent.Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 150; t++) {
            QuotaStore replica = replicas.get(t % 3);
            done.add(threads.submit(() -> {
                start.await();
                for (int i = 0; i < 4; i++) {
                    Admission a = await(replica.admit(new AdmissionRequest(key, rpm100, 10, "r", LEASE_TTL)));
                    (a instanceof Admitted ? admitted : deniedByRpm).incrementAndGet();
                }
                return null;
            }));
        }
        start.countDown();
        threads.shutdown();
        assertTrue(threads.awaitTermination(60, TimeUnit.SECONDS));
        for (java.util.concurrent.Future<?> each : done) {
            each.get(); // rethrows any failed call
        }
        assertEquals(100, admitted.get(), "600 attempts from 3 replicas on one key with RPM 100");
        assertEquals(500, deniedByRpm.get());
        assertEquals(100, state().minute().requests());
    }

    @Test
    void redisTimeIsUsedWhenNoClockIsGiven() {
        QuotaStore redisClock = new RedissonQuotaStore(client);
        long before = System.currentTimeMillis();
        Admitted admitted = assertInstanceOf(Admitted.class,
                await(redisClock.admit(new AdmissionRequest(key, KeyLimits.perMinute(5, 0), 1, "r", LEASE_TTL))));
        long at = admitted.reservation().admittedAtMillis();
        assertTrue(Math.abs(at - before) < 2000, "Redis TIME " + at + " vs JVM " + before);
    }

    @Test
    void aNewClientSeesTheCooldownAnEarlierReplicaWrote() {
        RedissonClient first = newClient(TestServers.redis().uri());
        await(new RedissonQuotaStore(first, RedisQuotaSettings.defaults().withClock(clock))
                .cooldown(key, T0 + 30_000, "429 seen by replica A"));
        first.shutdown();
        QuotaStore restarted = new RedissonQuotaStore(newClient(TestServers.redis().uri()),
                RedisQuotaSettings.defaults().withClock(clock));
        Denied denied = assertInstanceOf(Denied.class,
                await(restarted.admit(new AdmissionRequest(key, KeyLimits.UNLIMITED, 1, "r", LEASE_TTL))));
        assertEquals(DenyReason.COOLDOWN, denied.reason());
        assertEquals(T0 + 30_000, denied.retryAtMillis());
    }

    @Test
    void everyStoredKeyExpiresWhenIdleExceptADisabledFlag() {
        admitted(KeyLimits.perMinute(10, 1000).withMonthlyTokens(100_000), 10);
        await(store.cooldown(key, T0 + 5_000, "429"));
        RedisServer redis = TestServers.redis();
        for (String name : RedisKeys.all(key)) {
            long ttl = pttl(redis, name);
            assertTrue(ttl > 0, name + " has TTL " + ttl);
        }
        assertTrue(pttl(redis, RedisKeys.state(key)) > 86_000_000L, "state outlives its deadline by a day");
        await(store.disable(key, "401"));
        assertEquals(-1, pttl(redis, RedisKeys.state(key)), "a disabled key never expires");
    }

    private static long pttl(RedisServer redis, String name) {
        return Long.parseLong(redis.command("PTTL " + name).substring(1));
    }

    @Test
    void killedRedisFailsFastAndTheSameClientRecoversAfterRestart() {
        RedisServer own = RedisServer.start();
        try {
            RedissonQuotaStore replica = new RedissonQuotaStore(newClient(own.uri()),
                    RedisQuotaSettings.defaults().withClock(clock));
            AdmissionRequest request = new AdmissionRequest(key, KeyLimits.perMinute(100, 0), 1, "r", LEASE_TTL);
            assertInstanceOf(Admitted.class, await(replica.admit(request)));
            own.kill9();
            long started = System.nanoTime();
            CompletionException failure = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class,
                    () -> await(replica.admit(request)));
            long elapsedMs = (System.nanoTime() - started) / 1_000_000;
            assertInstanceOf(QuotaStoreUnavailableException.class, failure.getCause());
            assertTrue(elapsedMs < 2_500, "failed after " + elapsedMs + " ms");
            assertTrue(replica.unavailableErrors().sum() >= 1);
            own.restart();
            assertNotNull(eventuallyAdmitted(replica, request), "admits again after the restart");
        } finally {
            own.stop();
        }
    }

    private static Admitted eventuallyAdmitted(QuotaStore replica, AdmissionRequest request) {
        return Poll.until(Duration.ofSeconds(15), () -> {
            try {
                return await(replica.admit(request)) instanceof Admitted admitted ? admitted : null;
            } catch (CompletionException stillDown) {
                return null;
            }
        });
    }
}
