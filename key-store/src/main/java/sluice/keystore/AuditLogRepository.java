package sluice.keystore;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** The admin audit log in PostgreSQL: append and read, never update. */
@ApplicationScoped
public class AuditLogRepository implements PanacheRepositoryBase<AuditEntry, Long> {

    /** Appends {@code entry}; call inside the transaction that makes the change it records. */
    public Uni<AuditEntry> append(AuditEntry entry) {
        return persist(entry);
    }

    /** @return the entries about one target, newest first */
    public Uni<List<AuditEntry>> findByTarget(String targetKind, String targetId) {
        return list("targetKind = ?1 and targetId = ?2", newestFirst(), targetKind, targetId);
    }

    /** @return the {@code limit} newest entries, newest first */
    public Uni<List<AuditEntry>> findNewest(int limit) {
        return findAll(newestFirst()).page(0, limit).list();
    }

    private static Sort newestFirst() {
        return Sort.by("at", Sort.Direction.Descending).and("id", Sort.Direction.Descending);
    }
}
