package sluice.router.admin;

import sluice.keystore.TenantLimits;
import sluice.quota.KeyState;

import java.time.Instant;

/**
 * What a tenant has used, as Redis counts it for admission (every replica sees the same): the
 * rolling minute against its rpm/tpm, the current UTC day against its daily token budget, and the
 * current UTC month against its monthly budget. The month is counted only while a monthly budget
 * is set; a budget set mid-month starts counting from then.
 */
public record TenantLiveUsage(WindowUsage minute, WindowUsage today, WindowUsage month, Instant observedAt) {

    static TenantLiveUsage of(KeyState state, TenantLimits limits) {
        return new TenantLiveUsage(WindowUsage.of(state.minute(), limits.rpm(), limits.tpm()),
                WindowUsage.of(state.today(), 0, limits.dailyTokenBudget()),
                WindowUsage.of(state.month(), 0, limits.monthlyTokenBudget()),
                Instant.ofEpochMilli(state.observedAtMillis()));
    }
}
