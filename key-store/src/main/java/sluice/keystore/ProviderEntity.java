package sluice.keystore;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/** An upstream provider endpoint (table {@code providers}, migration V1). */
@Entity
@Table(name = "providers")
public class ProviderEntity {
    /** Ids are short, URL- and log-safe: {@code openai-main}, {@code deepseek.eu}. */
    public static final Pattern ID_PATTERN = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

    @Id
    private String id;

    @Convert(converter = ProviderKindConverter.class)
    @Column(nullable = false)
    private ProviderKind kind;

    @Column(name = "base_url", nullable = false)
    private String baseUrl;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    private String[] models;

    @Column(name = "connect_timeout_ms", nullable = false)
    private int connectTimeoutMs;

    @Column(name = "request_timeout_ms", nullable = false)
    private int requestTimeoutMs;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected ProviderEntity() {
        // for Hibernate
    }

    /**
     * @throws InvalidKeyStoreInputException (field {@code id}) when {@code id} does not match {@link #ID_PATTERN}
     */
    public ProviderEntity(String id, ProviderSettings settings, Instant now) {
        if (id == null || !ID_PATTERN.matcher(id).matches()) {
            throw new InvalidKeyStoreInputException("id", "must be 1-63 characters of a-z, 0-9, '.', '_', '-', starting with a letter or digit");
        }
        this.id = id;
        this.createdAt = now;
        apply(settings, now);
    }

    /** Replaces every setting. */
    public void apply(ProviderSettings settings, Instant now) {
        this.kind = settings.kind();
        this.baseUrl = settings.baseUrl();
        this.models = settings.models().toArray(String[]::new);
        this.connectTimeoutMs = (int) settings.connectTimeout().toMillis();
        this.requestTimeoutMs = (int) settings.requestTimeout().toMillis();
        this.updatedAt = now;
    }

    public String id() {
        return id;
    }

    public ProviderSettings settings() {
        return new ProviderSettings(kind, baseUrl, List.of(models),
                Duration.ofMillis(connectTimeoutMs), Duration.ofMillis(requestTimeoutMs));
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    @Override
    public String toString() {
        return "ProviderEntity[id=" + id + ", kind=" + kind + ", baseUrl=" + baseUrl + "]";
    }
}
