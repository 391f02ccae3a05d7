package sluice.keystore;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.regex.Pattern;

/** A tenant: who the client keys belong to, with its limits and budgets (table {@code tenants}, migration V3). */
@Entity
@Table(name = "tenants")
public class TenantEntity {
    /** Ids are short, URL- and log-safe, chosen by the operator: {@code acme}, {@code team.search}. */
    public static final Pattern ID_PATTERN = ProviderEntity.ID_PATTERN;
    public static final int MAX_NAME_LENGTH = 200;

    @Id
    private String id;

    @Column(nullable = false)
    private String name;

    private long rpm;
    private long tpm;

    @Column(name = "daily_token_budget")
    private long dailyTokenBudget;

    @Column(name = "monthly_token_budget")
    private long monthlyTokenBudget;

    @Convert(converter = TenantStatusConverter.class)
    @Column(nullable = false)
    private TenantStatus status;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected TenantEntity() {
        // for Hibernate
    }

    /**
     * A new, active tenant.
     *
     * @throws InvalidKeyStoreInputException (field {@code id}, {@code name} or {@code limits}) for an
     *         id not matching {@link #ID_PATTERN}, a blank or overlong name, missing limits
     */
    public TenantEntity(String id, String name, TenantLimits limits, Instant now) {
        if (id == null || !ID_PATTERN.matcher(id).matches()) {
            throw new InvalidKeyStoreInputException("id", "must be 1-63 characters of a-z, 0-9, '.', '_', '-', starting with a letter or digit");
        }
        if (name == null || name.isBlank()) {
            throw new InvalidKeyStoreInputException("name", "is required");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new InvalidKeyStoreInputException("name", "is longer than " + MAX_NAME_LENGTH + " characters");
        }
        this.id = id;
        this.name = name;
        this.status = TenantStatus.ACTIVE;
        this.createdAt = now;
        apply(limits, now);
    }

    /** @throws InvalidKeyStoreInputException (field {@code limits}) when {@code limits} is missing */
    public void apply(TenantLimits limits, Instant now) {
        if (limits == null) {
            throw new InvalidKeyStoreInputException("limits", "is required");
        }
        this.rpm = limits.rpm();
        this.tpm = limits.tpm();
        this.dailyTokenBudget = limits.dailyTokenBudget();
        this.monthlyTokenBudget = limits.monthlyTokenBudget();
        this.updatedAt = now;
    }

    public void changeStatus(TenantStatus newStatus, Instant now) {
        this.status = newStatus;
        this.updatedAt = now;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public TenantLimits limits() {
        return new TenantLimits(rpm, tpm, dailyTokenBudget, monthlyTokenBudget);
    }

    public TenantStatus status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    @Override
    public String toString() {
        return "TenantEntity[id=" + id + ", status=" + status + "]";
    }
}
