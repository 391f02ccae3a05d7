package sluice.keystore;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;

/**
 * Provider keys in PostgreSQL. Call from a Vert.x context inside a reactive session (reads) or
 * transaction (writes), e.g. {@code Panache.withTransaction(...)} or {@code @WithTransaction}.
 * The bulk updates ({@link #setStatus}, {@link #markExhausted}) bypass entities already loaded
 * in the same session.
 */
@ApplicationScoped
public class ProviderKeyRepository implements PanacheRepositoryBase<ProviderKeyEntity, String> {

    /**
     * @return the key {@code id}
     * @throws UnknownKeyException (as the {@code Uni}'s failure) when there is none
     */
    public Uni<ProviderKeyEntity> findExisting(String id) {
        return findById(id).onItem().ifNull().failWith(() -> new UnknownKeyException(id));
    }

    /** @return the active keys of one provider, by id (index {@code provider_keys_provider_status_idx}) */
    public Uni<List<ProviderKeyEntity>> findActiveByProvider(String providerId) {
        return list("providerId = ?1 and status = ?2", Sort.by("id"), providerId, KeyStatus.ACTIVE);
    }

    /** @return every active key of every provider, by provider then id */
    public Uni<List<ProviderKeyEntity>> findAllActive() {
        return list("status", Sort.by("providerId").and("id"), KeyStatus.ACTIVE);
    }

    /**
     * @return the key catalog's version: a number that moves whenever any provider key row is
     *         inserted, changed or deleted (a trigger, migration V8), so a reader can skip re-reading
     *         the pools while it stays the same
     */
    public Uni<Long> catalogVersion() {
        return getSession().chain(session -> session
                .createNativeQuery("select version from key_catalog_version where id = 1", Long.class)
                .getSingleResult());
    }

    /** @return every key of one provider whatever its status, by id */
    public Uni<List<ProviderKeyEntity>> findByProvider(String providerId) {
        return list("providerId", Sort.by("id"), providerId);
    }

    /** @return keys in {@code status}, by id; e.g. the disabled ones to restore into Redis */
    public Uni<List<ProviderKeyEntity>> findByStatus(KeyStatus status) {
        return list("status", Sort.by("id"), status);
    }

    /** @return keys whose daily exhaustion lasts beyond {@code instant}, to restore into Redis */
    public Uni<List<ProviderKeyEntity>> findExhaustedAfter(Instant instant) {
        return list("exhaustedUntil > ?1", Sort.by("id"), instant);
    }

    /**
     * @return up to {@code limit} keys with an id after {@code afterId} (by id) whose secret is sealed
     *         with another master key version than {@code version}; {@code afterId = ""} starts at the first
     */
    public Uni<List<ProviderKeyEntity>> findSealedWithOtherVersion(int version, String afterId, int limit) {
        return find("secretKeyVersion <> ?1 and id > ?2", Sort.by("id"), version, afterId).page(0, limit).list();
    }

    /**
     * Sets status and reason in one statement, without loading the key and without an audit entry
     * (use {@link ProviderKeyService#changeStatus} for operator changes).
     *
     * @return the number of rows changed: 0 when no key has this id
     */
    public Uni<Integer> setStatus(String id, KeyStatus status, String reason, Instant at) {
        return update("status = ?1, statusReason = ?2, updatedAt = ?3 where id = ?4", status, reason, at, id);
    }

    /**
     * Records (durably) that the key's daily quota is spent until {@code until}; {@code null} clears it.
     *
     * @return the number of rows changed: 0 when no key has this id
     */
    public Uni<Integer> markExhausted(String id, Instant until, Instant at) {
        return update("exhaustedUntil = ?1, updatedAt = ?2 where id = ?3", until, at, id);
    }
}
