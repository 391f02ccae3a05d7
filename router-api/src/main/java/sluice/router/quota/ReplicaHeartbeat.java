package sluice.router.quota;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.redisson.api.RedissonClient;
import sluice.quota.redis.ReplicaRegistry;

import java.util.UUID;

/**
 * This replica's heartbeat in Redis, so that every replica knows how many are alive: the
 * fail-open policy divides each limit by that number while Redis is unreachable.
 */
@ApplicationScoped
public class ReplicaHeartbeat {
    private final ReplicaRegistry registry;

    public ReplicaHeartbeat(RedissonClient redisson) {
        String id = ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
        this.registry = new ReplicaRegistry(redisson, id);
    }

    void start(@Observes StartupEvent event) {
        registry.start();
    }

    void stop(@Observes ShutdownEvent event) {
        registry.close();
    }

    /** @return replicas seen alive at the last heartbeat (at least 1) */
    public int liveReplicas() {
        return Math.max(1, registry.liveReplicas());
    }
}
