package sluice.keystore;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Tenants in PostgreSQL. Call from a Vert.x context inside a reactive session or transaction. */
@ApplicationScoped
public class TenantRepository implements PanacheRepositoryBase<TenantEntity, String> {

    /**
     * @return the tenant {@code id}
     * @throws UnknownTenantException (as the {@code Uni}'s failure) when there is none
     */
    public Uni<TenantEntity> findExisting(String id) {
        return findById(id).onItem().ifNull().failWith(() -> new UnknownTenantException(id));
    }

    /** @return every tenant, by id */
    public Uni<List<TenantEntity>> listAllById() {
        return listAll(Sort.by("id"));
    }
}
