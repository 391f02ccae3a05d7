package sluice.router.health;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;

/** Ready only while PostgreSQL, the durable store, answers. */
@Readiness
@ApplicationScoped
public class PostgresReadiness implements AsyncHealthCheck {
    private final Pool pool;

    public PostgresReadiness(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return pool.query("SELECT 1").execute()
                .ifNoItem().after(Duration.ofSeconds(2)).fail()
                .map(rows -> HealthCheckResponse.up("postgresql"))
                .onFailure().recoverWithItem(e -> HealthCheckResponse.named("postgresql").down()
                        .withData("error", e.getClass().getSimpleName()).build());
    }
}
