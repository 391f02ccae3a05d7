package sluice.router.health;

import sluice.router.jobs.BackgroundJobs;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.redisson.api.RMap;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Which providers are down, shared in Redis so every replica filters the same way: a replica
 * whose circuit breaker opens, a connection that is refused, or the leader's failed probe marks
 * the provider down until a deadline (with the reason); a successful probe clears it. Each
 * replica reads the whole map once a second, off the request path.
 */
@ApplicationScoped
public class ProviderHealth {
    /** One hash for all providers: field = provider id, value = {@code downUntilMillis|reason}. */
    static final String KEY = "sluice:{health}:down";
    private static final Logger LOG = Logger.getLogger(ProviderHealth.class);

    private final RMap<String, String> shared;
    private final Map<String, Down> known = new ConcurrentHashMap<>();
    private final ScheduledExecutorService reader = BackgroundJobs.daemon("sluice-health-read");

    /** A provider down until a time, and why. */
    public record Down(long untilMillis, String reason) {
    }

    public ProviderHealth(RedissonClient redisson) {
        this.shared = redisson.getMap(KEY, StringCodec.INSTANCE);
    }

    void start(@Observes StartupEvent event) {
        reader.scheduleWithFixedDelay(this::read, 0, 1, TimeUnit.SECONDS);
    }

    /** @return why the provider is down now, or null when it is not known down */
    public Down down(String provider) {
        Down d = known.get(provider);
        return d != null && d.untilMillis() > System.currentTimeMillis() ? d : null;
    }

    /** Marks the provider down for every replica (the later deadline wins). */
    public void markDown(String provider, long untilMillis, String reason) {
        Down merged = known.merge(provider, new Down(untilMillis, reason),
                (old, now) -> old.untilMillis() >= now.untilMillis() ? old : now);
        shared.fastPutAsync(provider, merged.untilMillis() + "|" + merged.reason()).whenComplete((v, e) -> {
            if (e != null) {
                LOG.debugf("provider health not shared: %s", e.getMessage());
            }
        });
        LOG.warnf("provider %s marked down: %s", provider, reason);
    }

    /** The provider answered a probe: healthy again for every replica. */
    public void markUp(String provider) {
        if (known.remove(provider) != null) {
            LOG.infof("provider %s is healthy again", provider);
        }
        shared.fastRemoveAsync(provider);
    }

    /** @return every provider known down now, for health checks and the admin API */
    public Map<String, Down> downNow() {
        long now = System.currentTimeMillis();
        Map<String, Down> result = new java.util.TreeMap<>();
        known.forEach((p, d) -> {
            if (d.untilMillis() > now) {
                result.put(p, d);
            }
        });
        return result;
    }

    private void read() {
        try {
            Map<String, String> all = shared.readAllMap();
            known.keySet().removeIf(p -> !all.containsKey(p));
            all.forEach((p, v) -> {
                Down d = parse(v);
                if (d != null) {
                    known.put(p, d);
                }
            });
        } catch (RuntimeException redisDown) {
            LOG.debugf("provider health not read: %s", redisDown.getMessage());
        }
    }

    private static Down parse(String value) {
        if (value == null) {
            return null;
        }
        int bar = value.indexOf('|');
        try {
            return new Down(Long.parseLong(bar < 0 ? value : value.substring(0, bar)), bar < 0 ? "" : value.substring(bar + 1));
        } catch (NumberFormatException malformed) {
            return null;
        }
    }
}
