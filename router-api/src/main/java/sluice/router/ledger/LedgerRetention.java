package sluice.router.ledger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.redisson.api.RedissonClient;
import sluice.keystore.UsagePartitions;
import sluice.quota.redis.LeaderLock;
import sluice.router.config.SluiceConfig;
import sluice.router.jobs.BackgroundJobs;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A leader-only job (Redisson lock {@code ledger-retention}): every
 * {@code sluice.ledger.maintenance-interval} it makes sure this and next month's ledger partitions
 * exist and drops the partitions older than {@code sluice.ledger.retention}
 * ({@link UsagePartitions#applyRetention}); the first run is one interval after start ({@link LedgerDrain}
 * already prepares this and next month's partitions at start). A retention shorter than a day
 * stops the start-up.
 */
@ApplicationScoped
public class LedgerRetention {
    static final String PROPERTY = "sluice.ledger.retention";
    private static final Logger LOG = Logger.getLogger(LedgerRetention.class);

    private final UsagePartitions partitions;
    private final Duration retention;
    private final Duration interval;
    private final LeaderLock leader;
    private final ScheduledExecutorService timer = BackgroundJobs.daemon("sluice-ledger-retention");

    public LedgerRetention(SluiceConfig config, UsagePartitions partitions, RedissonClient redisson) {
        this.partitions = partitions;
        this.retention = validated(config.ledger().retention());
        this.interval = config.ledger().maintenanceInterval();
        this.leader = new LeaderLock(redisson, "ledger-retention");
    }

    /**
     * @return {@code retention} when it keeps rows at least one day
     * @throws IllegalStateException naming the property otherwise (the gateway does not start)
     */
    static Duration validated(Duration retention) {
        if (retention == null || retention.compareTo(Duration.ofDays(1)) < 0) {
            throw new IllegalStateException(PROPERTY + " must be at least 1d (e.g. 90d), got " + retention
                    + ": shorter would drop the current month's usage");
        }
        return retention;
    }

    void start(@Observes StartupEvent event) {
        long every = interval.toMillis();
        timer.scheduleWithFixedDelay(this::runQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        timer.shutdownNow();
        try {
            leader.release();
        } catch (RuntimeException redisGone) {
            LOG.debugf("leader lock not released: %s", redisGone.getMessage());
        }
    }

    /**
     * One run, if this replica leads (blocks: call from a worker thread, never an event loop).
     *
     * @return the partitions dropped, or {@code null} when another replica leads
     * @throws Throwable when Redis or PostgreSQL failed
     */
    List<String> runOnce() throws Throwable {
        if (!leader.tryAcquire()) {
            return null;
        }
        List<String> dropped = VertxContextSupport.subscribeAndAwait(() -> partitions.applyRetention(retention));
        if (!dropped.isEmpty()) {
            LOG.infof("ledger retention %s: dropped partitions %s", retention, dropped);
        }
        return dropped;
    }

    private void runQuietly() {
        try {
            runOnce();
        } catch (Throwable e) {
            LOG.warnf("ledger retention not applied this time: %s", e.getMessage());
        }
    }
}
