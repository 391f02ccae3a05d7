package sluice.router.health;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.redisson.api.RedissonClient;

import java.time.Duration;

/** Ready only while Redis, the shared quota state, answers. */
@Readiness
@ApplicationScoped
public class RedisReadiness implements AsyncHealthCheck {
    private final RedissonClient redisson;

    public RedisReadiness(RedissonClient redisson) {
        this.redisson = redisson;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return Uni.createFrom().completionStage(() -> redisson.getBucket("sluice:{meta}:ping").isExistsAsync())
                .ifNoItem().after(Duration.ofSeconds(2)).fail()
                .map(ok -> HealthCheckResponse.up("redis"))
                .onFailure().recoverWithItem(e -> HealthCheckResponse.named("redis").down()
                        .withData("error", e.getClass().getSimpleName()).build());
    }
}
