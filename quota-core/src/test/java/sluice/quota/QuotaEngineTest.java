package sluice.quota;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** The engine over the real in-memory store (the Redis store is exercised by the ITs). */
class QuotaEngineTest {
    private static final long T0 = 1_773_144_000_000L;
    private final ManualTimeSource clock = new ManualTimeSource(T0);
    private final LocalQuotaStore store = LocalQuotaStore.ownsWholeLimit(clock);
    private final KeyHeadroomCache cache = new KeyHeadroomCache(clock, 60_000);
    private final QuotaEngine engine = new QuotaEngine(store, cache, new KeySelector(cache), 30_000);

    private static <T> T await(CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }

    private PoolAdmission admitAny(List<String> keys, KeyLimits limits) {
        return await(engine.admitAny(keys, id -> limits, 100, "req", 3));
    }

    @Test
    void keysInCooldownOnThisReplicaAreNotEvenTried() {
        List<String> keys = List.of("k1", "k2", "k3");
        await(engine.cooldown("k1", T0 + 30_000, "429"));
        await(engine.cooldown("k2", T0 + 30_000, "429"));
        for (int i = 0; i < 20; i++) {
            PoolAdmission.Granted granted = assertInstanceOf(PoolAdmission.Granted.class,
                    admitAny(keys, KeyLimits.UNLIMITED));
            assertEquals("k3", granted.admitted().reservation().keyId());
            assertEquals(1, granted.attempts());
            await(engine.release(granted.admitted().reservation()));
        }
    }

    @Test
    void aKeyRefusedForConcurrencyIsTriedAgainAsSoonAsASlotFrees() {
        List<String> keys = List.of("k1");
        KeyLimits oneAtATime = new KeyLimits(0, 0, 0, 0, 1, java.time.ZoneOffset.UTC);
        PoolAdmission.Granted first = assertInstanceOf(PoolAdmission.Granted.class, admitAny(keys, oneAtATime));
        PoolAdmission.Refused busy = assertInstanceOf(PoolAdmission.Refused.class, admitAny(keys, oneAtATime));
        assertEquals(DenyReason.CONCURRENCY, busy.refusals().get(0).denied().reason());
        await(engine.release(first.admitted().reservation()));
        assertInstanceOf(PoolAdmission.Granted.class, admitAny(keys, oneAtATime),
                "the freed slot is used at once, not after the replica's skip time");
    }

    @Test
    void aDeniedKeyIsFollowedByTheNextAndTheEarliestRetryIsReported() {
        List<String> keys = List.of("k1", "k2");
        KeyLimits rpm1 = KeyLimits.perMinute(1, 0);
        assertInstanceOf(PoolAdmission.Granted.class, admitAny(keys, rpm1));
        clock.advanceMillis(2_000);
        PoolAdmission.Granted second = assertInstanceOf(PoolAdmission.Granted.class, admitAny(keys, rpm1));
        assertEquals(1, second.attempts(), "the key with headroom left was chosen first");

        PoolAdmission.Refused refused = assertInstanceOf(PoolAdmission.Refused.class, admitAny(keys, rpm1));
        assertEquals(2, refused.attempts(), "both tried, both full");
        assertEquals(DenyReason.RPM, refused.refusals().get(1).denied().reason());
        assertEquals(T0 + 60_100, refused.earliestRetryAtMillis());
    }

    @Test
    void aKeyFullElsewhereIsLearntFromItsDenial() {
        List<String> keys = List.of("k1", "k2");
        KeyLimits rpm1 = KeyLimits.perMinute(1, 0);
        // another replica (same store) used both keys: this engine's cache knows nothing
        await(store.admit(new AdmissionRequest("k1", rpm1, 1, "other", 30_000)));
        await(store.admit(new AdmissionRequest("k2", rpm1, 1, "other", 30_000)));
        PoolAdmission.Refused refused = assertInstanceOf(PoolAdmission.Refused.class, admitAny(keys, rpm1));
        assertEquals(2, refused.attempts());
        assertEquals(DenyReason.RPM, refused.refusals().get(0).denied().reason());
        assertEquals(T0 + 60_100, refused.earliestRetryAtMillis());
        assertEquals(0, assertInstanceOf(PoolAdmission.Refused.class, admitAny(keys, rpm1)).attempts(),
                "learnt: the next request does not retry them");
    }

    @Test
    void aProviderReportingNothingLeftSteersChoiceAwayUntilItsReset() {
        List<String> keys = List.of("k1", "k2");
        await(engine.mirrorProviderView("k1", new ProviderRateView(0, T0 + 10_000, -1, -1)));
        for (int i = 0; i < 10; i++) {
            PoolAdmission.Granted granted = assertInstanceOf(PoolAdmission.Granted.class,
                    admitAny(keys, KeyLimits.UNLIMITED));
            assertEquals("k2", granted.admitted().reservation().keyId());
            assertEquals(1, granted.attempts());
        }
        clock.set(T0 + 10_000);
        assertInstanceOf(Admitted.class,
                await(store.admit(new AdmissionRequest("k1", KeyLimits.UNLIMITED, 1, "after-reset", 30_000))));
    }

    @Test
    void maxAttemptsBoundsTheRoundTrips() {
        List<String> keys = List.of("k1", "k2", "k3", "k4", "k5");
        for (String key : keys) {
            await(store.disable(key, "revoked"));
        }
        PoolAdmission.Refused refused = assertInstanceOf(PoolAdmission.Refused.class,
                admitAny(keys, KeyLimits.UNLIMITED));
        assertEquals(3, refused.attempts());
    }
}
