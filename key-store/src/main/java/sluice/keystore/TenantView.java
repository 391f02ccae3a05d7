package sluice.keystore;

import java.time.Instant;

/** A tenant as APIs show it. */
public record TenantView(String id, String name, TenantLimits limits, TenantStatus status, Instant createdAt,
                         Instant updatedAt) {

    public static TenantView of(TenantEntity tenant) {
        return new TenantView(tenant.id(), tenant.name(), tenant.limits(), tenant.status(), tenant.createdAt(),
                tenant.updatedAt());
    }
}
