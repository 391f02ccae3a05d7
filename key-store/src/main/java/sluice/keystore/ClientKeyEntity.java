package sluice.keystore;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A client key of a tenant (table {@code client_keys}, migration V3), held only as the SHA-256 of
 * the clear key. {@link #toString()} shows id, tenant and display prefix.
 */
@Entity
@Table(name = "client_keys")
public class ClientKeyEntity {

    @Id
    private String id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;

    @Column(name = "key_hash", nullable = false, updatable = false)
    private byte[] keyHash;

    @Column(nullable = false, updatable = false)
    private String prefix;

    @Column(nullable = false)
    private String label;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    /** written by authentication in plain SQL, never by Hibernate */
    @Column(name = "last_used_at", insertable = false, updatable = false)
    private Instant lastUsedAt;

    protected ClientKeyEntity() {
        // for Hibernate
    }

    public ClientKeyEntity(String id, String tenantId, byte[] keyHash, String prefix, String label, Instant expiresAt,
                           Instant now) {
        this.id = id;
        this.tenantId = tenantId;
        this.keyHash = keyHash.clone();
        this.prefix = prefix;
        this.label = label;
        this.expiresAt = expiresAt;
        this.createdAt = now;
    }

    public void revoke(Instant now) {
        this.revokedAt = now;
    }

    public String id() {
        return id;
    }

    public String tenantId() {
        return tenantId;
    }

    public String prefix() {
        return prefix;
    }

    public String label() {
        return label;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant revokedAt() {
        return revokedAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant lastUsedAt() {
        return lastUsedAt;
    }

    @Override
    public String toString() {
        return "ClientKeyEntity[id=" + id + ", tenant=" + tenantId + ", prefix=" + prefix + ", revoked=" + (revokedAt != null) + "]";
    }
}
