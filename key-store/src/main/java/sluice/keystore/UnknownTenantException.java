package sluice.keystore;

/** Thrown when no tenant has the given id (an admin API answers 404). */
public class UnknownTenantException extends KeyStoreException {
    private final String tenantId;

    public UnknownTenantException(String tenantId) {
        super("no tenant with id '" + tenantId + "'");
        this.tenantId = tenantId;
    }

    public String tenantId() {
        return tenantId;
    }
}
