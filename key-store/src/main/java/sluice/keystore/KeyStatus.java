package sluice.keystore;

import java.util.Arrays;

/** Whether a provider key may be used. Stored as the lower-case {@link #dbValue()}. */
public enum KeyStatus {
    /** eligible for routing (limits and cooldowns still apply) */
    ACTIVE("active"),
    /** taken out of routing by an operator or automatically (401/403 from the provider); may return */
    DISABLED("disabled"),
    /** permanently withdrawn; kept for the ledger and the audit trail */
    REVOKED("revoked");

    private final String dbValue;

    KeyStatus(String dbValue) {
        this.dbValue = dbValue;
    }

    public String dbValue() {
        return dbValue;
    }

    /**
     * @throws InvalidKeyStoreInputException (field {@code status}) for anything but the three values
     */
    public static KeyStatus fromDbValue(String value) {
        return Arrays.stream(values())
                .filter(s -> s.dbValue.equals(value))
                .findFirst()
                .orElseThrow(() -> new InvalidKeyStoreInputException("status", "must be one of active, disabled, revoked"));
    }
}
