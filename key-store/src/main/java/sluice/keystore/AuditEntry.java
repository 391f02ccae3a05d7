package sluice.keystore;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;

import java.time.Instant;

/**
 * One line of the audit log (table {@code audit_log}, migration V2): who did what to which target,
 * when, with a JSON detail. Written in the same transaction as the change it records.
 */
@Entity
@Table(name = "audit_log")
public class AuditEntry {
    /** {@code targetKind} of entries about provider keys. */
    public static final String PROVIDER_KEY = "provider-key";
    /** {@code targetKind} of entries about providers. */
    public static final String PROVIDER = "provider";
    /** {@code targetKind} of entries about tenants. */
    public static final String TENANT = "tenant";
    /** {@code targetKind} of entries about client keys. */
    public static final String CLIENT_KEY = "client-key";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private Instant at;

    @Column(nullable = false, updatable = false)
    private String actor;

    @Column(nullable = false, updatable = false)
    private String action;

    @Column(name = "target_kind", nullable = false, updatable = false)
    private String targetKind;

    @Column(name = "target_id", nullable = false, updatable = false)
    private String targetId;

    /**
     * jsonb in PostgreSQL, moved as text so no JSON library is needed on either side. The inner cast
     * types the parameter as text: typed jsonb, the reactive client would store a JSON string scalar.
     */
    @ColumnTransformer(read = "detail::text", write = "cast(cast(? as text) as jsonb)")
    @Column(nullable = false, updatable = false)
    private String detail;

    protected AuditEntry() {
        // for Hibernate
    }

    /**
     * @throws InvalidKeyStoreInputException (field {@code actor}) when the actor is blank
     */
    public AuditEntry(String actor, String action, String targetKind, String targetId, AuditDetail detail, Instant at) {
        if (actor == null || actor.isBlank()) {
            throw new InvalidKeyStoreInputException("actor", "is required for the audit log");
        }
        this.actor = actor;
        this.action = action;
        this.targetKind = targetKind;
        this.targetId = targetId;
        this.detail = detail.toJson();
        this.at = at;
    }

    public Long id() {
        return id;
    }

    public Instant at() {
        return at;
    }

    public String actor() {
        return actor;
    }

    public String action() {
        return action;
    }

    public String targetKind() {
        return targetKind;
    }

    public String targetId() {
        return targetId;
    }

    /** @return the detail as JSON text, e.g. {@code {"reason":"upstream 401"}} */
    public String detailJson() {
        return detail;
    }

    @Override
    public String toString() {
        return "AuditEntry[id=" + id + ", at=" + at + ", actor=" + actor + ", action=" + action
                + ", target=" + targetKind + "/" + targetId + "]";
    }
}
