package sluice.keystore;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * One API key of a provider (table {@code provider_keys}, migration V1). The secret is held only
 * sealed ({@link SealedSecret}); {@link #toString()} shows the id, provider, status and fingerprint.
 */
@Entity
@Table(name = "provider_keys")
public class ProviderKeyEntity {

    @Id
    private String id;

    @Column(name = "provider_id", nullable = false, updatable = false)
    private String providerId;

    @Column(nullable = false)
    private String label;

    private long rpm;
    private long tpm;
    private long rpd;
    private long tpd;

    @Column(name = "max_concurrent")
    private int maxConcurrent;

    @Column(name = "daily_reset_zone", nullable = false)
    private String dailyResetZone;

    private int weight;

    @Convert(converter = KeyStatusConverter.class)
    @Column(nullable = false)
    private KeyStatus status;

    @Column(name = "status_reason")
    private String statusReason;

    @Column(name = "secret_ciphertext", nullable = false)
    private byte[] secretCiphertext;

    @Column(name = "secret_nonce", nullable = false)
    private byte[] secretNonce;

    @Column(name = "secret_key_version", nullable = false)
    private int secretKeyVersion;

    @Column(nullable = false)
    private String fingerprint;

    @Column(name = "secret_hint", nullable = false)
    private String secretHint;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "rotated_at")
    private Instant rotatedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "exhausted_until")
    private Instant exhaustedUntil;

    protected ProviderKeyEntity() {
        // for Hibernate
    }

    /** A new, active key. {@code secret} must have been sealed for {@code id}. */
    public ProviderKeyEntity(String id, String providerId, KeySettings settings, StoredSecret secret, Instant now) {
        this.id = id;
        this.providerId = providerId;
        this.status = KeyStatus.ACTIVE;
        this.createdAt = now;
        apply(settings, now);
        storeSecret(secret);
    }

    /** Replaces label, limits and weight. */
    public void apply(KeySettings settings, Instant now) {
        KeyLimits limits = settings.limits();
        this.label = settings.label();
        this.rpm = limits.rpm();
        this.tpm = limits.tpm();
        this.rpd = limits.rpd();
        this.tpd = limits.tpd();
        this.maxConcurrent = limits.maxConcurrent();
        this.dailyResetZone = limits.dailyResetZone().getId();
        this.weight = settings.weight();
        this.updatedAt = now;
    }

    /** Replaces the secret itself (the provider issued a new one). */
    public void rotateSecret(StoredSecret secret, Instant now) {
        storeSecret(secret);
        this.rotatedAt = now;
        this.updatedAt = now;
    }

    /** Stores the same secret sealed again, under another master key version. */
    public void reseal(SealedSecret sealed, Instant now) {
        storeSealed(sealed);
        this.updatedAt = now;
    }

    public void changeStatus(KeyStatus newStatus, String reason, Instant now) {
        this.status = newStatus;
        this.statusReason = reason;
        this.updatedAt = now;
    }

    /** Records that the key's daily quota is spent until {@code until}; {@code null} clears it. */
    public void markExhausted(Instant until, Instant now) {
        this.exhaustedUntil = until;
        this.updatedAt = now;
    }

    public String id() {
        return id;
    }

    public String providerId() {
        return providerId;
    }

    public KeySettings settings() {
        return new KeySettings(label, limits(), weight);
    }

    public KeyLimits limits() {
        return new KeyLimits(rpm, tpm, rpd, tpd, maxConcurrent, KeyLimits.zone(dailyResetZone));
    }

    public KeyStatus status() {
        return status;
    }

    public String statusReason() {
        return statusReason;
    }

    public SealedSecret sealedSecret() {
        return new SealedSecret(secretKeyVersion, secretNonce, secretCiphertext);
    }

    public String fingerprint() {
        return fingerprint;
    }

    public String secretHint() {
        return secretHint;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant rotatedAt() {
        return rotatedAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant exhaustedUntil() {
        return exhaustedUntil;
    }

    /** @return no secret material: id, provider, status and fingerprint */
    @Override
    public String toString() {
        return "ProviderKeyEntity[id=" + id + ", provider=" + providerId + ", status=" + status
                + ", fingerprint=" + fingerprint + ", keyVersion=" + secretKeyVersion + "]";
    }

    private void storeSecret(StoredSecret secret) {
        storeSealed(secret.sealed());
        this.fingerprint = secret.fingerprint();
        this.secretHint = secret.hint();
    }

    private void storeSealed(SealedSecret sealed) {
        this.secretCiphertext = sealed.ciphertext();
        this.secretNonce = sealed.nonce();
        this.secretKeyVersion = sealed.keyVersion();
    }
}
