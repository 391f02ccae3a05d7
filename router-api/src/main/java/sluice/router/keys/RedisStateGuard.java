package sluice.router.keys;

import sluice.router.jobs.BackgroundJobs;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.redisson.api.RedissonClient;
import sluice.keystore.KeyStatus;
import sluice.keystore.ProviderKeyEntity;
import sluice.keystore.ProviderKeyRepository;
import sluice.quota.KeyLimits;
import sluice.quota.KeyRecordSnapshot;
import sluice.quota.redis.LeaderLock;
import sluice.quota.redis.RedisQuotaSettings;
import sluice.quota.redis.RedisQuotaStateRestorer;
import sluice.router.config.SluiceConfig;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A leader-only job (one replica at a time, through a Redisson lock with watchdog): when Redis
 * has lost its data, rebuild the quota state from PostgreSQL — disabled keys, daily exhaustion,
 * tenants' daily and monthly budget use from the ledger — with every minute window starting full
 * (ADR 0003), before admissions resume on stale zeros.
 */
@ApplicationScoped
public class RedisStateGuard {
    private static final Logger LOG = Logger.getLogger(RedisStateGuard.class);

    private final SluiceConfig config;
    private final ProviderKeyRepository keys;
    private final Pool pool;
    private final RedisQuotaStateRestorer restorer;
    private final LeaderLock leader;
    private final TenantUsageSnapshots tenants;
    private final ScheduledExecutorService timer = BackgroundJobs.daemon("sluice-redis-guard");

    public RedisStateGuard(SluiceConfig config, ProviderKeyRepository keys, RedissonClient redisson, Pool pool,
                           TenantUsageSnapshots tenants) {
        this.config = config;
        this.tenants = tenants;
        this.pool = pool;
        this.keys = keys;
        this.restorer = new RedisQuotaStateRestorer(redisson, RedisQuotaSettings.defaults());
        this.leader = new LeaderLock(redisson, "redis-state-guard");
    }

    void start(@Observes StartupEvent event) {
        long every = config.quota().restoreCheckInterval().toMillis();
        timer.scheduleWithFixedDelay(this::check, 0, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        timer.shutdownNow();
        try {
            if (leader.isHeld()) {
                leader.release();
            }
        } catch (RuntimeException redisGone) {
            LOG.debugf("leader lock not released: %s", redisGone.getMessage());
        }
    }

    /** One check: restores when this replica leads and the epoch marker is gone. */
    void check() {
        try {
            if (!leader.tryAcquire() || !restorer.dataLost().toCompletableFuture().join()) {
                return;
            }
            if (!VertxContextSupport.subscribeAndAwait(this::markedBefore)) {
                restorer.markEpoch().toCompletableFuture().join();
                VertxContextSupport.subscribeAndAwait(this::rememberMarked);
                LOG.info("first start of this deployment's quota state in Redis");
                return;
            }
            List<KeyRecordSnapshot> snapshots = new ArrayList<>(VertxContextSupport.subscribeAndAwait(
                    () -> Panache.withSession(() -> keys.listAll()).map(RedisStateGuard::snapshots)));
            List<KeyRecordSnapshot> budgets = VertxContextSupport.subscribeAndAwait(tenants::withBudgets);
            snapshots.addAll(budgets);
            int restored = restorer.restore(snapshots).toCompletableFuture().join();
            LOG.warnf("Redis had lost its quota state: restored %d keys and %d tenant budgets from PostgreSQL",
                    restored - budgets.size(), budgets.size());
        } catch (Throwable e) {
            LOG.debugf("quota state check skipped: %s", e.getMessage());
        }
    }

    private Uni<Boolean> markedBefore() {
        return pool.query("SELECT 1 FROM quota_epoch WHERE id = 1").execute().map(rows -> rows.size() > 0);
    }

    private Uni<Void> rememberMarked() {
        return pool.query("INSERT INTO quota_epoch (id, first_marked_at) VALUES (1, now()) ON CONFLICT DO NOTHING")
                .execute().replaceWithVoid();
    }

    private static List<KeyRecordSnapshot> snapshots(List<ProviderKeyEntity> all) {
        long now = Instant.now().toEpochMilli();
        return all.stream().map(key -> {
            sluice.keystore.KeyLimits l = key.limits();
            Instant exhausted = key.exhaustedUntil();
            long exhaustedUntil = exhausted != null && exhausted.toEpochMilli() > now ? exhausted.toEpochMilli() : 0;
            return new KeyRecordSnapshot(key.id(),
                    new KeyLimits(l.rpm(), l.tpm(), l.rpd(), l.tpd(), l.maxConcurrent(), l.dailyResetZone()),
                    key.status() != KeyStatus.ACTIVE, key.statusReason(), exhaustedUntil,
                    exhaustedUntil > 0 ? "restored from PostgreSQL" : null, 0, 0, 0);
        }).toList();
    }
}
