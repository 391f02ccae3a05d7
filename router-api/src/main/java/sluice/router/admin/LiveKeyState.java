package sluice.router.admin;

import sluice.keystore.KeyLimits;
import sluice.quota.KeyState;
import sluice.quota.ProviderRateView;

import java.time.Instant;

/**
 * A key's shared state in Redis, as every replica sees it: blocks (with their reasons and ends),
 * use of the rolling minute and the current day against the configured limits, live concurrency
 * leases, and what the provider's own rate-limit headers said last. Times are absent when unset.
 */
public record LiveKeyState(boolean disabled, String disabledReason, Instant cooldownUntil, String cooldownReason,
                           Instant exhaustedUntil, String exhaustedReason, WindowUsage minute, WindowUsage today,
                           int inFlight, int maxConcurrent, Long providerRemainingRequests,
                           Long providerRemainingTokens, Instant observedAt) {

    static LiveKeyState of(KeyState state, KeyLimits limits) {
        ProviderRateView view = state.providerView() == null ? ProviderRateView.NONE : state.providerView();
        return new LiveKeyState(state.disabled(), state.disabled() ? state.disabledReason() : null,
                state.coolingDown() ? instant(state.cooldownUntilMillis()) : null,
                state.coolingDown() ? state.cooldownReason() : null,
                state.exhausted() ? instant(state.exhaustedUntilMillis()) : null,
                state.exhausted() ? state.exhaustedReason() : null,
                WindowUsage.of(state.minute(), limits.rpm(), limits.tpm()),
                WindowUsage.of(state.today(), limits.rpd(), limits.tpd()),
                state.inFlight(), limits.maxConcurrent(),
                view.remainingRequests() >= 0 ? view.remainingRequests() : null,
                view.remainingTokens() >= 0 ? view.remainingTokens() : null,
                instant(state.observedAtMillis()));
    }

    private static Instant instant(long millis) {
        return millis > 0 ? Instant.ofEpochMilli(millis) : null;
    }
}
