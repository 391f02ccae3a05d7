package sluice.router.admin;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.tuples.Tuple2;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import sluice.keystore.ProviderEntity;
import sluice.keystore.ProviderKeyRepository;
import sluice.keystore.ProviderKeyView;
import sluice.keystore.ProviderRepository;
import sluice.keystore.ProviderSettings;
import sluice.router.config.SluiceConfig;
import sluice.router.health.ProviderHealth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static sluice.router.admin.AdminRoles.ADMIN;
import static sluice.router.admin.AdminRoles.OPERATOR;
import static sluice.router.admin.AdminRoles.VIEWER;

/** Providers with a summary of their key pools. */
@Path("/admin/providers")
@Tag(name = "providers", description = "Upstream providers and the state of their key pools")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ADMIN, OPERATOR, VIEWER})
public class ProviderAdminResource {
    private final ProviderRepository providers;
    private final ProviderKeyRepository keys;
    private final KeyLiveStates live;
    private final SluiceConfig config;
    private final ProviderHealth health;

    public ProviderAdminResource(ProviderRepository providers, ProviderKeyRepository keys, KeyLiveStates live,
                                 SluiceConfig config, ProviderHealth health) {
        this.providers = providers;
        this.keys = keys;
        this.live = live;
        this.config = config;
        this.health = health;
    }

    @GET
    @Operation(summary = "List providers with their pool summary (keys total, active, cooling, exhausted, disabled, revoked)"
            + " and health (state healthy/degraded/down/rate_limited, reason, since, passive stats, circuit breaker)")
    public Uni<List<ProviderPoolView>> list() {
        return Panache.withSession(() -> providers.listAllById().chain(all -> keys.listAll().map(k -> Tuple2.of(all, k))))
                .chain(found -> {
                    List<ProviderKeyView> records = found.getItem2().stream().map(ProviderKeyView::of).toList();
                    return live.withStates(records).map(views -> views(found.getItem1(), views));
                });
    }

    private List<ProviderPoolView> views(List<ProviderEntity> all, List<AdminKeyView> keyViews) {
        Map<String, List<AdminKeyView>> byProvider = keyViews.stream()
                .collect(Collectors.groupingBy(AdminKeyView::provider));
        List<ProviderPoolView> views = new ArrayList<>(all.size());
        long windowSeconds = config.health().passive().window().toSeconds();
        for (ProviderEntity provider : all) {
            ProviderSettings settings = provider.settings();
            views.add(new ProviderPoolView(provider.id(), settings.kind().dbValue(), settings.baseUrl(), settings.models(),
                    config.providers().containsKey(provider.id()),
                    PoolSummary.of(byProvider.getOrDefault(provider.id(), List.of())),
                    ProviderHealthView.of(provider.id(), health.status(provider.id()), windowSeconds)));
        }
        return views;
    }
}
