package sluice.keystore;

/**
 * Whose usage a query reads: every tenant's (operators) or one tenant's (a tenant reading its own
 * usage with its client key). Explicit, so that a missing tenant id can never widen a tenant's view.
 */
public final class UsageScope {
    private static final UsageScope ALL = new UsageScope(null);

    private final String tenantId;

    private UsageScope(String tenantId) {
        this.tenantId = tenantId;
    }

    public static UsageScope allTenants() {
        return ALL;
    }

    /** @throws InvalidKeyStoreInputException (field {@code tenantId}) when {@code tenantId} is blank */
    public static UsageScope tenant(String tenantId) {
        if (tenantId == null || tenantId.isBlank()) {
            throw new InvalidKeyStoreInputException("tenantId", "is required");
        }
        return new UsageScope(tenantId);
    }

    /** @return the tenant, or {@code null} for every tenant */
    public String tenantId() {
        return tenantId;
    }

    @Override
    public String toString() {
        return tenantId == null ? "UsageScope[all tenants]" : "UsageScope[tenant=" + tenantId + "]";
    }
}
