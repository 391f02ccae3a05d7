package sluice.router.admin;

import java.time.Instant;

/** {@code POST /admin/tenants/{id}/client-keys}: a label (required) and an optional expiry in the future. */
public record ClientKeyCreateRequest(String label, Instant expiresAt) {
}
