package sluice.router.health;

import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.TypedGuard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;
import sluice.router.config.SluiceConfig;
import sluice.router.routing.ChatDispatcher.Next;

import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SmallRye Fault Tolerance guards, one per provider (providers come from configuration, so the
 * guards are built programmatically): a circuit breaker over 5xx, timeouts and connection
 * failures, and a bulkhead bounding the calls in flight. A breaker that opens marks the provider
 * down in {@link ProviderHealth} for every replica.
 */
@ApplicationScoped
public class ProviderGuards {
    private static final TypeLiteral<CompletionStage<Next>> CALL = new TypeLiteral<>() { };

    private final SluiceConfig.Health config;
    private final ProviderHealth health;
    private final Map<String, TypedGuard<CompletionStage<Next>>> guards = new ConcurrentHashMap<>();

    public ProviderGuards(SluiceConfig config, ProviderHealth health) {
        this.config = config.health();
        this.health = health;
    }

    /** @return the provider's guard; calls through it fail with {@link ProviderFailure} to count */
    public TypedGuard<CompletionStage<Next>> of(String provider) {
        return guards.computeIfAbsent(provider, this::build);
    }

    /** The name of a provider's circuit breaker (for metrics and maintenance). */
    public static String breakerName(String provider) {
        return "provider-" + provider;
    }

    private TypedGuard<CompletionStage<Next>> build(String provider) {
        long delayMs = config.breakerDelay().toMillis();
        return TypedGuard.create(CALL)
                .withDescription("upstream calls to " + provider)
                .withCircuitBreaker()
                .name(breakerName(provider))
                .requestVolumeThreshold(config.breakerVolume())
                .failureRatio(config.breakerFailureRatio())
                .delay(delayMs, ChronoUnit.MILLIS)
                .successThreshold(1)
                .failOn(ProviderFailure.class)
                .onStateChange(state -> {
                    if (state == CircuitBreakerState.OPEN) {
                        health.markDown(provider, System.currentTimeMillis() + delayMs,
                                "circuit breaker open: most recent calls failed (5xx, timeout or connection)");
                    }
                })
                .done()
                .withBulkhead().limit(config.bulkhead()).queueSize(1).done()
                .withThreadOffload(false)
                .build();
    }

    /** The call reached the provider and it failed in a way that counts against its health. */
    public static final class ProviderFailure extends RuntimeException {
        public ProviderFailure() {
            super(null, null, false, false);
        }
    }
}
