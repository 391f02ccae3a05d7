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
import java.util.concurrent.atomic.AtomicLong;

/**
 * The providers and key pools the gateway routes to: connection settings from configuration,
 * keys and their limits from PostgreSQL, so a limit change, a new key or a disabled key reaches
 * every replica without a restart. Every {@code sluice.keys.refresh-interval} a replica reads the
 * catalog version (one row, moved by a trigger on every key change) and re-reads the pools only
 * when it moved: the poll costs the same for 10 keys or 100,000.
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
    private volatile long loadedVersion = Long.MIN_VALUE;
    private final AtomicLong loads = new AtomicLong();

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
        VertxContextSupport.subscribeAndAwait(() -> seeder.seed().chain(() -> load(true)));
        long every = config.keys().refreshInterval().toMillis();
        refresher.scheduleWithFixedDelay(() -> refresh(false), every, every, TimeUnit.MILLISECONDS);
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

    /** Re-reads the pools now, whether or not the catalog version moved (admin changes, tests). */
    public void refresh() {
        refresh(true);
    }

    /** @return how many times this replica has read the key pools from PostgreSQL */
    public long loads() {
        return loads.get();
    }

    private void refresh(boolean always) {
        try {
            VertxContextSupport.subscribeAndAwait(() -> load(always));
        } catch (Throwable e) {
            LOG.warnf("key pool refresh failed, keeping the last pools: %s", e.getMessage());
        }
    }

    /**
     * Reads the version first, then the keys: a change between the two is read now or, at the
     * latest, on the next poll (its version is newer than the one recorded here).
     */
    private Uni<Void> load(boolean always) {
        return Panache.withSession(() -> keys.catalogVersion().chain(version -> {
            if (!always && version == loadedVersion) {
                return Uni.createFrom().voidItem();
            }
            return keys.findAllActive().invoke(active -> {
                apply(active);
                loadedVersion = version;
                loads.incrementAndGet();
            }).replaceWithVoid();
        }));
    }

    private void apply(List<ProviderKeyEntity> active) {
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
