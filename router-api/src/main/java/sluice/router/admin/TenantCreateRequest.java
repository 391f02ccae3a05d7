package sluice.router.admin;

/** {@code POST /admin/tenants}: {@code id} and {@code name} required; missing limits are unlimited. */
public record TenantCreateRequest(String id, String name, TenantLimitsBody limits) {
}
