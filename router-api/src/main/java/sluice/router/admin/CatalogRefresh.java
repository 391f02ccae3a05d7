package sluice.router.admin;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import sluice.router.routing.ProviderCatalog;

/**
 * Makes an admin change to keys reach this replica's routing at once ({@link ProviderCatalog#refresh()});
 * the other replicas pick it up within {@code sluice.keys.refresh-interval}. The refresh blocks
 * while it reads PostgreSQL, so it runs on a worker thread, never on the event loop.
 */
@ApplicationScoped
public class CatalogRefresh {
    private final ProviderCatalog catalog;

    public CatalogRefresh(ProviderCatalog catalog) {
        this.catalog = catalog;
    }

    public Uni<Void> now() {
        return Uni.createFrom().voidItem().emitOn(Infrastructure.getDefaultWorkerPool()).invoke(catalog::refresh);
    }
}
