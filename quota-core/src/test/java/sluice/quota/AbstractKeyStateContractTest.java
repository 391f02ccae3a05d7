package sluice.quota;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The key-state behaviour every {@link QuotaStore} must show: cooldowns (latest deadline wins),
 * exhaustion, disable/enable, the mirrored provider view, and the state read-out.
 */
public abstract class AbstractKeyStateContractTest extends QuotaStoreFixture {

    @Test
    void cooldownKeepsTheLaterDeadline() {
        assertEquals(T0 + 10_000, await(store.cooldown(key, T0 + 10_000, "429 retry-after 10")));
        assertEquals(T0 + 10_000, await(store.cooldown(key, T0 + 5_000, "429 retry-after 5")));
        KeyState state = state();
        assertEquals(T0 + 10_000, state.cooldownUntilMillis());
        assertEquals("429 retry-after 10", state.cooldownReason());
        assertEquals(T0 + 10_000, denied(KeyLimits.UNLIMITED, 1, DenyReason.COOLDOWN).retryAtMillis());
        clock.set(T0 + 10_000);
        admitted(KeyLimits.UNLIMITED, 1);
    }

    @Test
    void clearedCooldownLetsTheKeyGoAtOnce() {
        await(store.cooldown(key, T0 + 60_000, "429"));
        await(store.clearCooldown(key));
        admitted(KeyLimits.UNLIMITED, 1);
        assertEquals(0, state().cooldownUntilMillis());
    }

    @Test
    void exhaustedKeyWaitsForItsDeadline() {
        long reset = T0 + Duration.ofHours(12).toMillis();
        await(store.markExhausted(key, reset, "daily quota exceeded"));
        Denied denied = denied(KeyLimits.UNLIMITED, 1, DenyReason.EXHAUSTED);
        assertEquals(reset, denied.retryAtMillis());
        assertEquals("daily quota exceeded", denied.detail());
        clock.set(reset);
        admitted(KeyLimits.UNLIMITED, 1);
    }

    @Test
    void clearedExhaustionLetsTheKeyGoAtOnce() {
        await(store.markExhausted(key, T0 + 3_600_000, "daily quota exceeded"));
        await(store.clearExhausted(key));
        admitted(KeyLimits.UNLIMITED, 1);
    }

    @Test
    void disabledKeyIsDeniedUntilEnabledWhateverTheTime() {
        await(store.disable(key, "401 from provider"));
        clock.advance(Duration.ofDays(10));
        Denied denied = denied(KeyLimits.UNLIMITED, 1, DenyReason.DISABLED);
        assertEquals(Denied.NEVER, denied.retryAtMillis());
        assertTrue(state().disabled());
        assertEquals("401 from provider", state().disabledReason());
        await(store.enable(key));
        admitted(KeyLimits.UNLIMITED, 1);
        assertFalse(state().disabled());
    }

    @Test
    void providerSayingNoRequestsLeftActsAsCooldownUntilItsReset() {
        await(store.mirrorProviderView(key, new ProviderRateView(0, T0 + 3_000, 5000, T0 + 1_000)));
        assertEquals(T0 + 3_000, denied(KeyLimits.UNLIMITED, 1, DenyReason.COOLDOWN).retryAtMillis());
        assertEquals(new ProviderRateView(0, T0 + 3_000, 5000, T0 + 1_000), state().providerView());
        clock.set(T0 + 3_000);
        admitted(KeyLimits.UNLIMITED, 1);
    }

    @Test
    void providerSayingNoTokensLeftActsAsCooldownAndLaterReportsReplaceIt() {
        await(store.mirrorProviderView(key, new ProviderRateView(10, T0 + 1_000, 0, T0 + 8_000)));
        assertEquals(T0 + 8_000, denied(KeyLimits.UNLIMITED, 1, DenyReason.COOLDOWN).retryAtMillis());
        await(store.mirrorProviderView(key, new ProviderRateView(-1, -1, 4000, T0 + 9_000)));
        admitted(KeyLimits.UNLIMITED, 1);
        assertEquals(new ProviderRateView(10, T0 + 1_000, 4000, T0 + 9_000), state().providerView());
    }

    @Test
    void unknownKeyHasAnEmptyState() {
        KeyState state = state();
        assertFalse(state.disabled());
        assertEquals(0, state.cooldownUntilMillis());
        assertEquals(0, state.exhaustedUntilMillis());
        assertEquals(WindowCount.ZERO, state.minute());
        assertEquals(WindowCount.ZERO, state.today());
        assertEquals(ProviderRateView.NONE, state.providerView());
        assertEquals(T0, state.observedAtMillis());
    }
}
