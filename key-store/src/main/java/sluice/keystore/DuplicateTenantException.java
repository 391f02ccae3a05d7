package sluice.keystore;

/** Thrown when a tenant is created with an id another tenant already has (an admin API answers 409). */
public class DuplicateTenantException extends KeyStoreException {
    private final String tenantId;

    public DuplicateTenantException(String tenantId) {
        super("a tenant with id '" + tenantId + "' already exists");
        this.tenantId = tenantId;
    }

    public String tenantId() {
        return tenantId;
    }
}
