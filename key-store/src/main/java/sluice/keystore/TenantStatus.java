package sluice.keystore;

import java.util.Arrays;

/** Whether a tenant's client keys are accepted. Stored as the lower-case {@link #dbValue()}. */
public enum TenantStatus {
    /** its client keys authenticate (limits and budgets still apply) */
    ACTIVE("active"),
    /** every client key of the tenant is refused until an operator activates it again */
    SUSPENDED("suspended");

    private final String dbValue;

    TenantStatus(String dbValue) {
        this.dbValue = dbValue;
    }

    public String dbValue() {
        return dbValue;
    }

    /**
     * @throws InvalidKeyStoreInputException (field {@code status}) for anything but the two values
     */
    public static TenantStatus fromDbValue(String value) {
        return Arrays.stream(values())
                .filter(s -> s.dbValue.equals(value))
                .findFirst()
                .orElseThrow(() -> new InvalidKeyStoreInputException("status", "must be one of active, suspended"));
    }
}
