package sluice.keystore;

import java.time.Instant;

/**
 * Who a request comes from once its client key is accepted: the tenant with its limits and budgets,
 * and the client key. {@code keyExpiresAt} ({@code null}: never) bounds how long a replica may cache it.
 */
public record ClientPrincipal(String tenantId, String clientKeyId, TenantLimits limits, Instant keyExpiresAt) {
}
