package sluice.router.admin;

import sluice.keystore.TenantLimits;

/**
 * Tenant limits and budgets as a request sends them: every field optional. On create a missing
 * field is 0 (unlimited); on update it keeps its current value.
 */
public record TenantLimitsBody(Long rpm, Long tpm, Long dailyTokenBudget, Long monthlyTokenBudget) {

    /** @throws sluice.keystore.InvalidKeyStoreInputException (field {@code limits.<name>}) for a negative value */
    public TenantLimits over(TenantLimits base) {
        return new TenantLimits(
                rpm != null ? rpm : base.rpm(),
                tpm != null ? tpm : base.tpm(),
                dailyTokenBudget != null ? dailyTokenBudget : base.dailyTokenBudget(),
                monthlyTokenBudget != null ? monthlyTokenBudget : base.monthlyTokenBudget());
    }
}
