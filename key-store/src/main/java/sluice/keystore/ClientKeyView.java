package sluice.keystore;

import java.time.Instant;

/** A client key as APIs show it: never the key nor its hash, only the display prefix ({@code sk-slc-4Fq9}). */
public record ClientKeyView(String id, String tenantId, String prefix, String label, Instant createdAt,
                            Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {

    public static ClientKeyView of(ClientKeyEntity key) {
        return new ClientKeyView(key.id(), key.tenantId(), key.prefix(), key.label(), key.createdAt(), key.expiresAt(),
                key.revokedAt(), key.lastUsedAt());
    }
}
