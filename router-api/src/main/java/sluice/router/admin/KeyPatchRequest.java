package sluice.router.admin;

/**
 * {@code PATCH /admin/keys/{id}}: every field optional, absent ones stay as they are.
 * {@code status} is {@code active}, {@code disabled} or {@code revoked}; {@code reason} explains a
 * status change. Changing {@code label} or revoking needs the {@code admin} role.
 */
public record KeyPatchRequest(String label, KeyLimitsBody limits, Integer weight, String status, String reason) {
}
