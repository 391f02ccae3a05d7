package sluice.keystore;

/**
 * What one tenant may use across all its client keys: requests and tokens per minute, and a token
 * budget per (UTC) day and per month. A value of 0 means unlimited. The quota core admits them
 * atomically with each request, like key limits.
 *
 * @throws InvalidKeyStoreInputException (field {@code limits.<name>}) for a negative value
 */
public record TenantLimits(long rpm, long tpm, long dailyTokenBudget, long monthlyTokenBudget) {

    public TenantLimits {
        requireNotNegative("rpm", rpm);
        requireNotNegative("tpm", tpm);
        requireNotNegative("dailyTokenBudget", dailyTokenBudget);
        requireNotNegative("monthlyTokenBudget", monthlyTokenBudget);
    }

    /** @return no limit and no budget at all */
    public static TenantLimits unlimited() {
        return new TenantLimits(0, 0, 0, 0);
    }

    private static void requireNotNegative(String name, long value) {
        if (value < 0) {
            throw new InvalidKeyStoreInputException("limits." + name, "must be 0 (unlimited) or positive, got " + value);
        }
    }
}
