package sluice.router.health;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.ClientProxy;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import sluice.quota.FailoverQuotaStore;
import sluice.quota.QuotaStore;
import sluice.quota.redis.RedissonQuotaStore;
import sluice.router.ledger.UsageOutbox;

/**
 * Exposes the degraded modes on {@code /q/metrics}: whether Redis answers, how many admissions
 * the Redis-down policy answered instead (denied when failing closed, admitted locally when
 * failing open), usage events that could not be written to the outbox, and how many quota commands
 * shared each write to Redis (loop pipelining, ADR 0009).
 */
@ApplicationScoped
public class QuotaMetrics {

    void register(@Observes StartupEvent event, MeterRegistry registry, QuotaStore store, UsageOutbox outbox) {
        if (ClientProxy.unwrap(store) instanceof FailoverQuotaStore failover) {
            Gauge.builder("sluice.quota.redis.available", failover, f -> f.sharedAvailable() ? 1 : 0)
                    .description("1 while the shared quota state in Redis answers, 0 while the Redis-down policy is in force")
                    .register(registry);
            FunctionCounter.builder("sluice.quota.fallbacks", failover, f -> f.fallbacks().sum())
                    .description("admissions answered by the Redis-down policy (" + failover.mode() + ")")
                    .register(registry);
            if (failover.shared() instanceof RedissonQuotaStore redis) {
                FunctionCounter.builder("sluice.redis.pipeline.writes", redis, RedissonQuotaStore::pipelineBatches)
                        .description("writes of quota commands to Redis: one per event-loop pass, or per call off a loop")
                        .register(registry);
                FunctionCounter.builder("sluice.redis.pipeline.commands", redis, RedissonQuotaStore::pipelinedCommands)
                        .description("quota commands those writes carried (commands / writes = requests sharing a write)")
                        .register(registry);
            }
        }
        FunctionCounter.builder("sluice.ledger.outbox.failures", outbox, o -> o.failures().sum())
                .description("usage events that could not be written to the Redis outbox")
                .register(registry);
    }
}
