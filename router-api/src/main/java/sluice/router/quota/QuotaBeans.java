package sluice.router.quota;

import io.quarkus.runtime.Startup;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import org.redisson.api.RedissonClient;
import sluice.keystore.SecretCipher;
import sluice.quota.FailoverMode;
import sluice.quota.FailoverQuotaStore;
import sluice.quota.KeyHeadroomCache;
import sluice.quota.KeySelector;
import sluice.quota.LocalQuotaStore;
import sluice.quota.QuotaEngine;
import sluice.quota.QuotaStore;
import sluice.quota.SystemTimeSource;
import sluice.quota.TokenEstimator;
import sluice.quota.WindowSpec;
import sluice.quota.redis.RedisQuotaConfig;
import sluice.quota.redis.RedisQuotaSettings;
import sluice.quota.redis.RedissonQuotaStore;
import sluice.router.config.SluiceConfig;
import sluice.router.health.ProviderGuards;
import sluice.router.health.ProviderHealth;
import sluice.router.keys.DurableKeyStates;
import sluice.router.ledger.UsageLedger;
import sluice.router.routing.ChatDispatcher;
import sluice.router.routing.RouteResolver;
import sluice.router.upstream.UpstreamAnswer;
import sluice.router.upstream.UpstreamClient;

/** Wires the quota core and the request path together from configuration. */
@ApplicationScoped
public class QuotaBeans {

    @Produces
    @ApplicationScoped
    RedissonClient redisson(SluiceConfig config) {
        return RedisQuotaConfig.client(config.redis().uri());
    }

    void closeRedisson(@Disposes RedissonClient client) {
        client.shutdown();
    }

    @Produces
    @ApplicationScoped
    @Startup
    QuotaStore quotaStore(RedissonClient redisson, SluiceConfig config, ReplicaHeartbeat replicas) {
        SluiceConfig.Quota quota = config.quota();
        WindowSpec window = minuteWindow(quota.windowMargin().toMillis());
        if (quota.mode() == SluiceConfig.QuotaMode.LOCAL) {
            return new LocalQuotaStore(SystemTimeSource.INSTANCE, window, () -> 1);
        }
        RedissonQuotaStore shared = new RedissonQuotaStore(redisson, RedisQuotaSettings.defaults()
                .withWindow(window).withCallDeadline(config.redis().timeout())
                .withLoopPipelining(config.redis().loopPipelining()));
        LocalQuotaStore local = new LocalQuotaStore(SystemTimeSource.INSTANCE, window, replicas::liveReplicas);
        FailoverMode mode = quota.redisDownMode() == SluiceConfig.RedisDownMode.FAIL_OPEN_LOCAL
                ? FailoverMode.FAIL_OPEN_LOCAL : FailoverMode.FAIL_CLOSED;
        return new FailoverQuotaStore(shared, local, mode);
    }

    /** The minute window plus the jitter margin, in the finest buckets that divide it (≤ 600). */
    static WindowSpec minuteWindow(long marginMillis) {
        long windowMillis = 60_000 + Math.max(0, marginMillis);
        long bucket = Math.max(WindowSpec.MINUTE.bucketMillis(), -Math.floorDiv(-windowMillis, WindowSpec.MAX_BUCKETS));
        while (windowMillis % bucket != 0) {
            bucket++;
        }
        return new WindowSpec(windowMillis, bucket);
    }

    @Produces
    @ApplicationScoped
    @Startup
    TokenEstimator tokenEstimator(SluiceConfig config) {
        TokenEstimator estimator = new TokenEstimator(config.quota().defaultCompletionEstimate());
        estimator.countPrompt(null, java.util.List.of("warm the tokenizer up before the first request"));
        return estimator;
    }

    @Produces
    @ApplicationScoped
    QuotaEngine quotaEngine(QuotaStore store, SluiceConfig config) {
        KeyHeadroomCache cache = new KeyHeadroomCache(SystemTimeSource.INSTANCE,
                config.quota().localSkipMax().toMillis());
        return new QuotaEngine(store, cache, new KeySelector(cache), config.quota().leaseTtl().toMillis());
    }

    @Produces
    @ApplicationScoped
    KeyAdmission keyAdmission(QuotaEngine engine, TokenEstimator estimator, DurableKeyStates durable,
                              SluiceConfig config) {
        return new KeyAdmission(engine, estimator, durable, config.quota().leaseTtl().toMillis());
    }

    @Produces
    @ApplicationScoped
    UpstreamClient upstreamClient(Vertx vertx) {
        return new UpstreamClient(vertx);
    }

    void closeUpstream(@Disposes UpstreamClient client) {
        client.close();
    }

    @Produces
    @ApplicationScoped
    @Startup
    ChatDispatcher chatDispatcher(RouteResolver routes, SecretCipher cipher, KeyAdmission admission,
                                  UpstreamClient upstream, UsageLedger ledger, ProviderGuards guards,
                                  ProviderHealth health, SluiceConfig config) {
        return new ChatDispatcher(routes, cipher, admission, upstream,
                new UpstreamAnswer(admission, ledger, config.quota().defaultCooldown(), health), ledger, guards, health,
                config.health().probeInterval().toMillis(), config.quota().maxKeyAttempts());
    }
}
