package sluice.quota;

/** Which check refused an admission, in the order the checks run. */
public enum DenyReason {
    /** An operator or a 401/403 disabled the key; only {@code enable} brings it back. */
    DISABLED,
    /** The provider said the daily quota is used up; frees at the recorded time. */
    EXHAUSTED,
    /** A 429 cooldown, or the provider's own headers said nothing is left until a reset. */
    COOLDOWN,
    RPM,
    TPM,
    RPD,
    TPD,
    /** The calendar month's token limit (a tenant's monthly budget); frees at the month's end. */
    MONTHLY_TOKENS,
    CONCURRENCY,
    /** The shared quota store could not be reached and the policy is to fail closed. */
    STORE_UNAVAILABLE
}
