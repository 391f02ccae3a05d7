package sluice.router.admin;

import sluice.keystore.TenantLimits;
import sluice.keystore.TenantView;

import java.time.Instant;

/** A tenant with its limits and budgets (0 = unlimited) and its status ({@code active} or {@code suspended}). */
public record AdminTenantView(String id, String name, String status, TenantLimits limits, Instant createdAt,
                              Instant updatedAt) {

    static AdminTenantView of(TenantView tenant) {
        return new AdminTenantView(tenant.id(), tenant.name(), tenant.status().dbValue(), tenant.limits(),
                tenant.createdAt(), tenant.updatedAt());
    }
}
