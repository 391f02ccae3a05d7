package sluice.keystore;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Client keys in PostgreSQL. Call from a Vert.x context inside a reactive session or transaction.
 * Authentication does not come through here: {@link ClientKeyService#authenticate} reads by hash in
 * one SQL statement, without a Hibernate session.
 */
@ApplicationScoped
public class ClientKeyRepository implements PanacheRepositoryBase<ClientKeyEntity, String> {

    /**
     * @return the client key {@code id}
     * @throws UnknownClientKeyException (as the {@code Uni}'s failure) when there is none
     */
    public Uni<ClientKeyEntity> findExisting(String id) {
        return findById(id).onItem().ifNull().failWith(() -> new UnknownClientKeyException(id));
    }

    /** @return every key of one tenant (revoked and expired too), oldest first (index {@code client_keys_tenant_idx}) */
    public Uni<List<ClientKeyEntity>> findByTenant(String tenantId) {
        return list("tenantId", Sort.by("createdAt").and("id"), tenantId);
    }
}
