package sluice.quota.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
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
import sluice.quota.KeyLimits;
import sluice.quota.KeyRecordSnapshot;
import sluice.quota.KeyState;
import sluice.quota.ManualTimeSource;
import sluice.quota.WindowCount;
import sluice.testsupport.RedisServer;

/** Redis loses its data: detected by the epoch marker, rebuilt from durable records conservatively. */
class RedisQuotaStateRestorerIT {
    private static final long T0 = Instant.parse("2026-03-10T12:00:00Z").toEpochMilli();

    private RedisServer redis;
    private RedissonClient client;
    private final ManualTimeSource clock = new ManualTimeSource(T0);
    private RedissonQuotaStore store;
    private RedisQuotaStateRestorer restorer;

    @BeforeEach
    void start() {
        redis = RedisServer.start();
        client = RedisQuotaConfig.client(redis.uri());
        RedisQuotaSettings settings = RedisQuotaSettings.defaults().withClock(clock);
        store = new RedissonQuotaStore(client, settings);
        restorer = new RedisQuotaStateRestorer(client, settings);
    }

    @AfterEach
    void stop() {
        client.shutdown();
        redis.stop();
    }

    private static <T> T await(CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }

    private Admission admit(String keyId, KeyLimits limits) {
        return await(store.admit(new AdmissionRequest(keyId, limits, 10, "r", 30_000)));
    }

    @Test
    void lostDataIsDetectedAndDurableFactsComeBackWithConservativeCounters() {
        KeyLimits limits = new KeyLimits(10, 1000, 60, 0, 0, ZoneOffset.UTC);
        assertTrue(await(restorer.dataLost()), "a fresh Redis has no epoch");
        assertTrue(await(restorer.markEpoch()));
        assertFalse(await(restorer.dataLost()));

        redis.flushAll();
        assertTrue(await(restorer.dataLost()));
        long dailyReset = Instant.parse("2026-03-11T00:00:00Z").toEpochMilli();
        int restored = await(restorer.restore(List.of(
                new KeyRecordSnapshot("disabled-key", limits, true, "401 from provider", 0, "", 0, 0, 0),
                new KeyRecordSnapshot("exhausted-key", limits, false, "", dailyReset, "daily quota", 0, 0, 0),
                new KeyRecordSnapshot("busy-key", limits, false, "", 0, "", 50, 40_000, 0))));
        assertEquals(3, restored);
        assertFalse(await(restorer.dataLost()), "the epoch is set again after the restore");

        assertEquals(DenyReason.DISABLED, ((Denied) admit("disabled-key", limits)).reason());
        Denied exhausted = (Denied) admit("exhausted-key", limits);
        assertEquals(DenyReason.EXHAUSTED, exhausted.reason());
        assertEquals(dailyReset, exhausted.retryAtMillis());

        Denied full = (Denied) admit("busy-key", limits);
        assertEquals(DenyReason.RPM, full.reason(), "the minute window starts full");
        assertEquals(T0 + 60_100, full.retryAtMillis());
        clock.set(full.retryAtMillis());
        assertInstanceOf(Admitted.class, admit("busy-key", limits));
        KeyState busy = await(store.state("busy-key"));
        assertEquals(new WindowCount(51, 40_010), busy.today(), "daily counters start at the durable figures");
    }

    @Test
    void aMonthlyBudgetRestartsAtTheDurableFigureAndAKeyWithoutOneGetsNoMonthCounter() {
        KeyLimits budget = KeyLimits.UNLIMITED.withMonthlyTokens(10_000);
        assertEquals(2, await(restorer.restore(List.of(
                new KeyRecordSnapshot("tenant:busy", budget, false, "", 0, "", 0, 2_000, 9_995),
                new KeyRecordSnapshot("plain-key", KeyLimits.UNLIMITED, false, "", 0, "", 0, 0, 9_995)))));

        assertEquals(new WindowCount(0, 9_995), await(store.state("tenant:busy")).month());
        Denied spent = assertInstanceOf(Denied.class, admit("tenant:busy", budget), "only 5 tokens are left");
        assertEquals(DenyReason.MONTHLY_TOKENS, spent.reason());
        assertEquals(new WindowCount(0, 0), await(store.state("plain-key")).month(), "no monthly limit, no counter");
    }
}
