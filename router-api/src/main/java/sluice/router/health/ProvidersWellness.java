package sluice.router.health;

import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import sluice.router.config.SluiceConfig;

/**
 * {@code /q/health/well}: each provider's circuit breaker on this replica and, from Redis, which
 * providers every replica treats as down and why. Down when any provider is; the gateway itself
 * stays ready (it fails over), so this is not a readiness check.
 */
@Wellness
@ApplicationScoped
public class ProvidersWellness implements HealthCheck {
    private final SluiceConfig config;
    private final ProviderHealth health;
    private final ProviderGuards guards;

    public ProvidersWellness(SluiceConfig config, ProviderHealth health, ProviderGuards guards) {
        this.config = config;
        this.health = health;
        this.guards = guards;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("providers").up();
        for (String provider : config.providers().keySet()) {
            guards.of(provider);
            ProviderHealth.Down down = health.down(provider);
            String breaker = CircuitBreakerMaintenance.get().currentState(ProviderGuards.breakerName(provider)).name();
            response.withData(provider, (down == null ? "healthy" : "down: " + down.reason()) + "; circuit " + breaker);
            if (down != null) {
                response.down();
            }
        }
        return response.build();
    }
}
