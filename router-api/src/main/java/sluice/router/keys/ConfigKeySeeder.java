package sluice.router.keys;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import sluice.keystore.ClearSecret;
import sluice.keystore.KeyLimits;
import sluice.keystore.KeySettings;
import sluice.keystore.ProviderEntity;
import sluice.keystore.ProviderKeyRepository;
import sluice.keystore.ProviderKeyService;
import sluice.keystore.ProviderKind;
import sluice.keystore.ProviderRepository;
import sluice.keystore.ProviderSettings;
import sluice.router.config.SluiceConfig;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Seeds providers and keys named in configuration into PostgreSQL, sealed, when they are not
 * there yet. Existing rows are never overwritten: after the first start the database is the
 * record (the admin API changes it), and configuration only bootstraps. Replicas starting at the
 * same moment on a fresh database race to insert the same rows: a failed insert whose row is
 * there when read again was another replica's, and counts as seeded.
 */
@ApplicationScoped
public class ConfigKeySeeder {
    private static final Logger LOG = Logger.getLogger(ConfigKeySeeder.class);
    private static final String ACTOR = "config-seed";

    private final SluiceConfig config;
    private final ProviderRepository providers;
    private final ProviderKeyRepository keys;
    private final ProviderKeyService keyService;

    public ConfigKeySeeder(SluiceConfig config, ProviderRepository providers, ProviderKeyRepository keys,
                           ProviderKeyService keyService) {
        this.config = config;
        this.providers = providers;
        this.keys = keys;
        this.keyService = keyService;
    }

    /** Seeds one step after another, flat: 10,000 configured keys must not nest 10,000 deep. */
    public Uni<Void> seed() {
        List<Supplier<Uni<Void>>> steps = new ArrayList<>();
        for (Map.Entry<String, SluiceConfig.Provider> p : config.providers().entrySet()) {
            String providerId = p.getKey();
            steps.add(() -> seedProvider(providerId, p.getValue()));
            for (Map.Entry<String, SluiceConfig.Key> k : p.getValue().keys().entrySet()) {
                steps.add(() -> seedKey(providerId, k.getKey(), k.getValue()));
            }
        }
        return Multi.createFrom().iterable(steps).onItem().transformToUniAndConcatenate(Supplier::get)
                .collect().last().replaceWithVoid();
    }

    private Uni<Void> seedProvider(String id, SluiceConfig.Provider provider) {
        Uni<Void> insert = Panache.withTransaction(() -> providers.findById(id).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().voidItem();
            }
            ProviderSettings settings = new ProviderSettings(ProviderKind.OPENAI_COMPATIBLE, provider.baseUrl(),
                    provider.models(), provider.connectTimeout(), provider.requestTimeout());
            return providers.persist(new ProviderEntity(id, settings, Instant.now())).replaceWithVoid();
        }));
        return unlessSeededMeanwhile(insert, () -> Panache.withSession(() -> providers.findById(id)));
    }

    private Uni<Void> seedKey(String providerId, String keyId, SluiceConfig.Key key) {
        Uni<Void> insert = Panache.withSession(() -> keys.findById(keyId)).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().voidItem();
            }
            KeyLimits limits = new KeyLimits(key.rpm(), key.tpm(), key.rpd(), key.tpd(), key.maxConcurrent(),
                    KeyLimits.zone(key.dailyResetZone()));
            ClearSecret secret = ClearSecret.of(key.secret());
            LOG.infof("seeding key %s of provider %s from configuration", keyId, providerId);
            return keyService.addKey(keyId, providerId, new KeySettings(key.label().orElse(keyId), limits, 1),
                    secret, ACTOR).eventually(secret::close).replaceWithVoid();
        });
        return unlessSeededMeanwhile(insert, () -> Panache.withSession(() -> keys.findById(keyId)));
    }

    /**
     * @return {@code insert}, or nothing when it failed but {@code reread} now finds the row (another
     *         replica seeded it between our read and our insert); any other failure stays a failure
     */
    private static Uni<Void> unlessSeededMeanwhile(Uni<Void> insert, Supplier<Uni<?>> reread) {
        return insert.onFailure().recoverWithUni(failure -> reread.get().chain(row -> row != null
                ? Uni.createFrom().voidItem()
                : Uni.createFrom().failure(failure)));
    }
}
