package sluice.keystore;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Providers in PostgreSQL. Call from a Vert.x context inside a reactive session or transaction. */
@ApplicationScoped
public class ProviderRepository implements PanacheRepositoryBase<ProviderEntity, String> {

    /**
     * @return the provider {@code id}
     * @throws UnknownProviderException (as the {@code Uni}'s failure) when there is none
     */
    public Uni<ProviderEntity> findExisting(String id) {
        return findById(id).onItem().ifNull().failWith(() -> new UnknownProviderException(id));
    }

    /** @return every provider, by id */
    public Uni<List<ProviderEntity>> listAllById() {
        return listAll(Sort.by("id"));
    }
}
