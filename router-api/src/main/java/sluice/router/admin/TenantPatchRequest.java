package sluice.router.admin;

/**
 * {@code PATCH /admin/tenants/{id}}: limits and budgets to change, and/or {@code status}
 * {@code active} or {@code suspended} (with an optional {@code reason}).
 */
public record TenantPatchRequest(TenantLimitsBody limits, String status, String reason) {
}
