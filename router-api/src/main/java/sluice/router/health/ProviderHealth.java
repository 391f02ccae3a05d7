package sluice.router.health;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.redisson.api.RedissonClient;
import sluice.router.config.SluiceConfig;
import sluice.router.health.SharedHealthRecords.Flag;
import sluice.router.jobs.BackgroundJobs;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Each provider's health, the same on every replica (docs/adr/0008-provider-health.md):
 * explicit down records (an open circuit breaker, a refused connection, the leader's failed
 * probe), IP-level rate-limit flags (every key answered 429 within seconds), and the passive
 * verdict from live traffic over a sliding window. Requests only count calls in memory; once a
 * second a background job adds the finished seconds to Redis and reads everything back (one
 * script call and one batched read), off the request path.
 */
@ApplicationScoped
public class ProviderHealth {
    private static final Logger LOG = Logger.getLogger(ProviderHealth.class);
    private static final ProviderStatus NO_VERDICT = new ProviderStatus(HealthState.HEALTHY, "", 0, 0, null);

    private final SharedHealthRecords shared;
    private final PassiveTally tally;
    private final PassiveVerdict verdict;
    private final SluiceConfig.Health config;
    private final Map<String, Flag> down = new ConcurrentHashMap<>();
    private final Map<String, Flag> rateLimited = new ConcurrentHashMap<>();
    /** When this replica last changed a provider's flags itself: a sync read before that must not undo it. */
    private final Map<String, Long> changedLocally = new ConcurrentHashMap<>();
    private volatile Map<String, ProviderStatus> passive = Map.of();
    private final ScheduledExecutorService sync = BackgroundJobs.daemon("sluice-health-sync");

    /** A provider down until a time, and why. */
    public record Down(long untilMillis, String reason) {
    }

    public ProviderHealth(RedissonClient redisson, SluiceConfig config) {
        this.config = config.health();
        this.shared = new SharedHealthRecords(redisson);
        this.tally = new PassiveTally(this.config.passive().latencyThreshold().toMillis());
        this.verdict = new PassiveVerdict(this.config.passive());
    }

    void start(@Observes StartupEvent event) {
        sync.scheduleWithFixedDelay(this::syncNow, 0, 1, TimeUnit.SECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        sync.shutdownNow();
        flush(Long.MAX_VALUE);
    }

    /** Counts one upstream call in memory (the request path: no Redis call). */
    public void recordCall(String provider, CallOutcome outcome, long latencyMillis) {
        tally.record(provider, outcome, latencyMillis, System.currentTimeMillis());
    }

    /** @return how routing should treat the provider now */
    public ProviderStatus status(String provider) {
        long now = System.currentTimeMillis();
        ProviderStatus judged = passive.get(provider);
        TrafficCounts window = judged != null ? judged.window() : null;
        Flag limited = rateLimited.get(provider);
        if (limited != null && limited.untilMillis() > now) {
            return new ProviderStatus(HealthState.RATE_LIMITED, limited.reason(), limited.sinceMillis(),
                    limited.untilMillis(), window);
        }
        Flag d = down.get(provider);
        if (d != null && d.untilMillis() > now) {
            return new ProviderStatus(HealthState.DOWN, d.reason(), d.sinceMillis(), d.untilMillis(), window);
        }
        return judged != null ? judged : NO_VERDICT;
    }

    /** @return why the provider is marked down now (explicitly, not by passive stats), or null */
    public Down down(String provider) {
        Flag d = down.get(provider);
        return d != null && d.untilMillis() > System.currentTimeMillis() ? new Down(d.untilMillis(), d.reason()) : null;
    }

    /** Marks the provider down for every replica (the later deadline wins). */
    public void markDown(String provider, long untilMillis, String reason) {
        long now = System.currentTimeMillis();
        changedLocally.put(provider, now);
        Flag merged = down.merge(provider, new Flag(untilMillis, now, reason), (old, fresh) -> old.untilMillis() <= now
                ? fresh : old.untilMillis() >= fresh.untilMillis() ? old
                : new Flag(fresh.untilMillis(), old.sinceMillis(), fresh.reason()));
        quietly(shared.putDown(provider, merged), "provider health not shared");
        LOG.warnf("provider %s marked down: %s", provider, reason);
    }

    /** The provider answered a probe: no longer down for every replica (a rate-limit flag stays). */
    public void markUp(String provider) {
        changedLocally.put(provider, System.currentTimeMillis());
        if (down.remove(provider) != null) {
            LOG.infof("provider %s is healthy again", provider);
        }
        quietly(shared.removeDown(provider), "provider health not shared");
    }

    /**
     * A key of the provider answered 429 (the 429 path, one extra Redis call): when every active
     * key did within {@code sluice.health.ip-limit-window}, the provider is flagged rate limited for
     * every replica until the latest Retry-After, at least {@code sluice.health.ip-limit-pause}.
     */
    public void keyRateLimited(String provider, String keyId, int activeKeys, long retryAfterMillis) {
        long pause = Math.max(retryAfterMillis, config.ipLimitPause().toMillis());
        String reason = "all " + activeKeys + " keys rate-limited within " + config.ipLimitWindow().toSeconds()
                + " s: likely an IP-level limit";
        shared.keyRateLimited(provider, keyId, activeKeys, config.ipLimitWindow().toMillis(), pause, reason)
                .whenComplete((until, error) -> {
                    if (error != null) {
                        LOG.debugf("429 of provider %s not shared: %s", provider, error.getMessage());
                    } else if (until != null && until > 0) {
                        long now = System.currentTimeMillis();
                        Flag old = rateLimited.get(provider);
                        long since = old != null && old.untilMillis() > now ? old.sinceMillis() : now;
                        changedLocally.put(provider, now);
                        rateLimited.put(provider, new Flag(until, since, reason));
                        LOG.warnf("provider %s paused: %s", provider, reason);
                    }
                });
    }

    /** Forgets everything known about the provider's health, on every replica (used by tests). */
    public void forget(String provider) {
        long second = System.currentTimeMillis() / 1000;
        tally.forget(provider);
        changedLocally.put(provider, System.currentTimeMillis());
        down.remove(provider);
        rateLimited.remove(provider);
        shared.forget(provider, second - config.passive().window().toSeconds() - 1, second);
        Map<String, ProviderStatus> next = new ConcurrentHashMap<>(passive);
        next.remove(provider);
        passive = next;
    }

    /** @return every provider known down now (explicitly), for health checks */
    public Map<String, Down> downNow() {
        Map<String, Down> result = new TreeMap<>();
        down.keySet().forEach(p -> {
            Down d = down(p);
            if (d != null) {
                result.put(p, d);
            }
        });
        return result;
    }

    /** Adds this replica's finished seconds to Redis, then reads every replica's back. */
    void syncNow() {
        try {
            long now = System.currentTimeMillis();
            flush(now / 1000);
            long window = config.passive().window().toSeconds();
            SharedHealthRecords.Snapshot snapshot = shared.read(now / 1000 - window, now / 1000);
            replace(down, snapshot.down(), now);
            replace(rateLimited, snapshot.rateLimited(), now);
            passive = judge(snapshot.calls(), now);
        } catch (RuntimeException redisDown) {
            LOG.debugf("provider health not synced: %s", redisDown.getMessage());
        }
    }

    private void flush(long beforeSecond) {
        try {
            shared.addCalls(tally.takeBefore(beforeSecond), config.passive().window().toMillis() + 10_000);
        } catch (RuntimeException redisDown) {
            LOG.debugf("passive health counts dropped: %s", redisDown.getMessage());
        }
    }

    private Map<String, ProviderStatus> judge(Map<String, TrafficCounts> calls, long now) {
        Map<String, ProviderStatus> judged = new ConcurrentHashMap<>();
        calls.forEach((provider, window) -> {
            PassiveVerdict.Judged j = verdict.judge(window);
            HealthState state = j == null ? HealthState.HEALTHY : j.state();
            ProviderStatus before = passive.get(provider);
            long since = before != null && before.state() == state ? before.sinceMillis() : now;
            judged.put(provider, new ProviderStatus(state, j == null ? "" : "passive: " + j.reason(), since, 0, window));
            if (before != null && before.state() != state) {
                LOG.infof("provider %s is %s: %s", provider, state.wireName(), j == null ? "passive stats recovered"
                        : j.reason());
            }
        });
        return judged;
    }

    /**
     * Takes what Redis held when the read began, except for providers this replica changed itself
     * since then: their write may have landed after the read, and the next sync brings them in.
     */
    private void replace(Map<String, Flag> local, Map<String, Flag> read, long readStartedMillis) {
        local.keySet().removeIf(p -> !read.containsKey(p) && !changedSince(p, readStartedMillis));
        read.forEach((p, flag) -> {
            if (!changedSince(p, readStartedMillis)) {
                local.put(p, flag);
            }
        });
    }

    private boolean changedSince(String provider, long millis) {
        return changedLocally.getOrDefault(provider, Long.MIN_VALUE) >= millis;
    }

    private static void quietly(CompletionStage<?> stage, String what) {
        stage.whenComplete((v, e) -> {
            if (e != null) {
                LOG.debugf("%s: %s", what, e.getMessage());
            }
        });
    }
}
