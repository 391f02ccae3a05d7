package sluice.router.health;

import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import sluice.router.config.SluiceConfig;

/**
 * {@code /q/health/well}: each provider's shared health state (healthy, degraded, down, rate
 * limited, with the reason) and its circuit breaker on this replica, and whether this replica is
 * the leader that probes. Down when any provider is down or rate limited; the gateway itself stays
 * ready (it fails over), so this is not a readiness check.
 */
@Wellness
@ApplicationScoped
public class ProvidersWellness implements HealthCheck {
    private final SluiceConfig config;
    private final ProviderHealth health;
    private final ProviderGuards guards;
    private final ProviderProber prober;

    public ProvidersWellness(SluiceConfig config, ProviderHealth health, ProviderGuards guards, ProviderProber prober) {
        this.config = config;
        this.health = health;
        this.guards = guards;
        this.prober = prober;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("providers").up();
        for (String provider : config.providers().keySet()) {
            guards.of(provider);
            ProviderStatus status = health.status(provider);
            String breaker = CircuitBreakerMaintenance.get().currentState(ProviderGuards.breakerName(provider)).name();
            response.withData(provider, status.state().wireName()
                    + (status.reason().isEmpty() ? "" : ": " + status.reason()) + "; circuit " + breaker);
            if (status.state() == HealthState.DOWN || status.state() == HealthState.RATE_LIMITED) {
                response.down();
            }
        }
        response.withData("prober", prober.role());
        return response.build();
    }
}
