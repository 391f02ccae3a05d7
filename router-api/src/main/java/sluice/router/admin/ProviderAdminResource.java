package sluice.router.admin;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.tuples.Tuple2;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import sluice.keystore.AuditDetail;
import sluice.keystore.AuditEntry;
import sluice.keystore.AuditLogRepository;
import sluice.keystore.ProviderEntity;
import sluice.keystore.ProviderKeyRepository;
import sluice.keystore.ProviderKeyView;
import sluice.keystore.ProviderRepository;
import sluice.keystore.ProviderSettings;
import sluice.router.config.SluiceConfig;
import sluice.router.health.ProviderGuards;
import sluice.router.health.ProviderHealth;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static sluice.router.admin.AdminRoles.ADMIN;
import static sluice.router.admin.AdminRoles.OPERATOR;
import static sluice.router.admin.AdminRoles.VIEWER;

/** Providers with a summary of their key pools and their health; an operator can reset the health. */
@Path("/admin/providers")
@Tag(name = "providers", description = "Upstream providers and the state of their key pools")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ADMIN, OPERATOR, VIEWER})
public class ProviderAdminResource {
    private static final Logger LOG = Logger.getLogger(ProviderAdminResource.class);
    private final ProviderRepository providers;
    private final ProviderKeyRepository keys;
    private final KeyLiveStates live;
    private final SluiceConfig config;
    private final ProviderHealth health;
    private final AuditLogRepository audit;
    private final SecurityIdentity identity;

    public ProviderAdminResource(ProviderRepository providers, ProviderKeyRepository keys, KeyLiveStates live,
                                 SluiceConfig config, ProviderHealth health, AuditLogRepository audit,
                                 SecurityIdentity identity) {
        this.audit = audit;
        this.identity = identity;
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

    @POST
    @Path("{id}/health/reset")
    @RolesAllowed({ADMIN, OPERATOR})
    @Operation(summary = "Forget the provider's health for every replica: its down and rate-limited flags and its"
            + " passive stats (routing tries it again at once), and close this replica's circuit breaker"
            + " (others close theirs on their next successful call)")
    @APIResponse(responseCode = "404", description = "no such provider")
    public Uni<ProviderHealthView> resetHealth(@PathParam("id") String id) {
        String actor = AdminActor.of(identity);
        return Panache.withTransaction(() -> providers.findExisting(id)
                        .call(provider -> audit.append(new AuditEntry(actor, "provider.health-reset",
                                AuditEntry.PROVIDER, id, AuditDetail.empty(),
                                Instant.now().truncatedTo(ChronoUnit.MICROS)))))
                .map(provider -> {
                    health.forget(id);
                    closeBreaker(id);
                    LOG.infof("provider %s: health reset by %s", id, actor);
                    return ProviderHealthView.of(id, health.status(id), config.health().passive().window().toSeconds());
                });
    }

    /** Closes this replica's breaker of the provider; none exists before its first call here. */
    private static void closeBreaker(String provider) {
        try {
            CircuitBreakerMaintenance.get().reset(ProviderGuards.breakerName(provider));
        } catch (IllegalArgumentException noCallsYet) {
            // nothing to close
        }
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
