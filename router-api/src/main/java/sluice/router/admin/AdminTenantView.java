package sluice.router.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import sluice.keystore.TenantLimits;
import sluice.keystore.TenantView;
import sluice.quota.KeyState;

import java.time.Instant;

/**
 * A tenant with its limits and budgets (0 = unlimited) and its status ({@code active} or
 * {@code suspended}); {@code usage} (live counts against those limits) only when one tenant is
 * read and Redis answered.
 */
public record AdminTenantView(String id, String name, String status, TenantLimits limits, Instant createdAt,
                              Instant updatedAt, @JsonInclude(JsonInclude.Include.NON_NULL) TenantLiveUsage usage) {

    static AdminTenantView of(TenantView tenant) {
        return of(tenant, null);
    }

    /** @param state the tenant's quota state, or {@code null} when it could not be read */
    static AdminTenantView of(TenantView tenant, KeyState state) {
        return new AdminTenantView(tenant.id(), tenant.name(), tenant.status().dbValue(), tenant.limits(),
                tenant.createdAt(), tenant.updatedAt(), state == null ? null : TenantLiveUsage.of(state, tenant.limits()));
    }
}
