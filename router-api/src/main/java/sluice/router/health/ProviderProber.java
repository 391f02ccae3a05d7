package sluice.router.health;

import sluice.router.jobs.BackgroundJobs;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.redisson.api.RedissonClient;
import sluice.keystore.SecretCipher;
import sluice.quota.redis.LeaderLock;
import sluice.router.config.SluiceConfig;
import sluice.router.routing.ProviderCatalog;
import sluice.router.routing.ProviderTarget;
import sluice.router.upstream.UpstreamClient;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Active health: every {@code sluice.health.probe-interval}, the one replica holding the
 * {@code health-prober} lock (a Redisson lock with watchdog: when that replica dies another takes
 * over) probes every provider with {@code GET /models} and shares the verdict through
 * {@link ProviderHealth}: a failed probe marks the provider down until the probe after next, a
 * good one brings it back.
 */
@ApplicationScoped
public class ProviderProber {
    private static final Logger LOG = Logger.getLogger(ProviderProber.class);

    private final ProviderCatalog catalog;
    private final ProviderHealth health;
    private final UpstreamClient upstream;
    private final SecretCipher cipher;
    private final LeaderLock leader;
    private final long intervalMillis;
    private final ScheduledExecutorService timer = BackgroundJobs.daemon("sluice-health-probe");
    private boolean leading;

    public ProviderProber(ProviderCatalog catalog, ProviderHealth health, UpstreamClient upstream, SecretCipher cipher,
                          RedissonClient redisson, SluiceConfig config) {
        this.catalog = catalog;
        this.health = health;
        this.upstream = upstream;
        this.cipher = cipher;
        this.leader = new LeaderLock(redisson, "health-prober");
        this.intervalMillis = config.health().probeInterval().toMillis();
    }

    void start(@Observes StartupEvent event) {
        timer.scheduleWithFixedDelay(this::probeAll, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        timer.shutdownNow();
        try {
            if (leader.isHeld()) {
                leader.release();
            }
        } catch (RuntimeException redisGone) {
            LOG.debugf("prober lock not released: %s", redisGone.getMessage());
        }
    }

    /** @return whether this replica is the prober now */
    public boolean leads() {
        return leader.isHeld();
    }

    /** @return {@code leader} when this replica probes, {@code standby} when another does, or {@code unknown} */
    public String role() {
        try {
            return leads() ? "leader" : "standby";
        } catch (RuntimeException redisDown) {
            return "unknown";
        }
    }

    void probeAll() {
        try {
            if (!leader.tryAcquire()) {
                leading = false;
                return;
            }
            if (!leading) {
                LOG.infof("this replica now leads health probing (every %d ms)", intervalMillis);
                leading = true;
            }
            for (ProviderTarget target : catalog.providers()) {
                probe(target);
            }
        } catch (RuntimeException e) {
            LOG.debugf("probe round skipped: %s", e.getMessage());
        }
    }

    private void probe(ProviderTarget target) {
        if (target.keyIds().isEmpty()) {
            return;
        }
        long timeout = Math.min(intervalMillis, 5000);
        String verdict;
        try {
            int status = upstream.probe(target.id(), target.config(), target.openSecret(cipher, target.keyIds().get(0)),
                    timeout).toCompletionStage().toCompletableFuture().get(timeout + 1000, TimeUnit.MILLISECONDS);
            verdict = status < 500 ? null : "probe: HTTP " + status;
        } catch (Exception e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            verdict = "probe: " + cause.getClass().getSimpleName();
        }
        if (verdict == null) {
            health.markUp(target.id());
        } else {
            health.markDown(target.id(), System.currentTimeMillis() + 2 * intervalMillis, verdict);
        }
    }
}
