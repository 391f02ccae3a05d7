package sluice.router.routing;

import sluice.router.jobs.BackgroundJobs;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import sluice.keystore.ProviderKeyEntity;
import sluice.keystore.ProviderKeyRepository;
import sluice.keystore.SealedSecret;
import sluice.quota.KeyLimits;
import sluice.router.config.SluiceConfig;
import sluice.router.keys.ConfigKeySeeder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The providers and key pools the gateway routes to: connection settings from configuration,
 * keys and their limits from PostgreSQL, re-read every {@code sluice.keys.refresh-interval} so a
 * limit change, a new key or a disabled key reaches every replica without a restart.
 */
@ApplicationScoped
public class ProviderCatalog {
    private static final Logger LOG = Logger.getLogger(ProviderCatalog.class);

    private final SluiceConfig config;
    private final ProviderKeyRepository keys;
    private final ConfigKeySeeder seeder;
    private final ScheduledExecutorService refresher = BackgroundJobs.daemon("sluice-key-refresh");
    private volatile List<ProviderTarget> route = List.of();
    private volatile Map<String, ProviderTarget> byId = Map.of();

    public ProviderCatalog(SluiceConfig config, ProviderKeyRepository keys, ConfigKeySeeder seeder) {
        this.config = config;
        this.keys = keys;
        this.seeder = seeder;
        for (String id : config.route()) {
            if (!config.providers().containsKey(id)) {
                throw new IllegalStateException("sluice.route names provider '" + id
                        + "' but no sluice.providers." + id + ".base-url is configured");
            }
        }
    }

    void start(@Observes StartupEvent event) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> seeder.seed().chain(this::load));
        long every = config.keys().refreshInterval().toMillis();
        refresher.scheduleWithFixedDelay(this::refresh, every, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        refresher.shutdownNow();
    }

    /** @return the providers of {@code sluice.route}, in order, with their current key pools */
    public List<ProviderTarget> route() {
        return route;
    }

    /** @return every configured provider with its current key pool */
    public java.util.Collection<ProviderTarget> providers() {
        return byId.values();
    }

    /** @return a configured provider with its current key pool, or null when none has this id */
    public ProviderTarget provider(String id) {
        return byId.get(id);
    }

    /** Re-reads the pools now (also used by tests and admin changes). */
    public void refresh() {
        try {
            VertxContextSupport.subscribeAndAwait(this::load);
        } catch (Throwable e) {
            LOG.warnf("key pool refresh failed, keeping the last pools: %s", e.getMessage());
        }
    }

    private Uni<Void> load() {
        return Panache.withSession(() -> keys.findAllActive()).map(active -> {
            Map<String, List<ProviderKeyEntity>> byProvider = new HashMap<>();
            active.forEach(k -> byProvider.computeIfAbsent(k.providerId(), p -> new ArrayList<>()).add(k));
            Map<String, ProviderTarget> all = new HashMap<>();
            config.providers().forEach((id, provider) ->
                    all.put(id, target(id, provider, byProvider.getOrDefault(id, List.of()))));
            List<ProviderTarget> targets = new ArrayList<>();
            for (String id : config.route()) {
                targets.add(all.get(id));
            }
            byId = Map.copyOf(all);
            route = List.copyOf(targets);
            return null;
        });
    }

    private static ProviderTarget target(String id, SluiceConfig.Provider provider, List<ProviderKeyEntity> active) {
        List<String> keyIds = new ArrayList<>(active.size());
        Map<String, KeyLimits> limits = new HashMap<>();
        Map<String, SealedSecret> sealed = new HashMap<>();
        for (ProviderKeyEntity key : active) {
            sluice.keystore.KeyLimits l = key.limits();
            keyIds.add(key.id());
            limits.put(key.id(), new KeyLimits(l.rpm(), l.tpm(), l.rpd(), l.tpd(), l.maxConcurrent(), l.dailyResetZone()));
            sealed.put(key.id(), key.sealedSecret());
        }
        keyIds.sort(null);
        return new ProviderTarget(id, provider, List.copyOf(keyIds), Map.copyOf(limits), Map.copyOf(sealed));
    }
}
