package sluice.quota.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import sluice.testsupport.RedisServer;

/** Live replica count for the fail-open share; kept when Redis is gone. */
class ReplicaRegistryIT {
    private RedisServer redis;
    private RedissonClient client;

    @BeforeEach
    void start() {
        redis = RedisServer.start();
        client = RedisQuotaConfig.client(redis.uri());
    }

    @AfterEach
    void stop() {
        client.shutdown();
        redis.stop();
    }

    private static <T> T await(CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }

    @Test
    void countsLiveReplicasAndForgetsSilentOnes() {
        ReplicaRegistry a = new ReplicaRegistry(client, "a", Duration.ofSeconds(2), Duration.ofSeconds(6));
        ReplicaRegistry b = new ReplicaRegistry(client, "b", Duration.ofSeconds(2), Duration.ofSeconds(6));
        ReplicaRegistry silent = new ReplicaRegistry(client, "silent", Duration.ofSeconds(2), Duration.ofMillis(300));
        await(a.heartbeat());
        await(b.heartbeat());
        assertEquals(3, await(silent.heartbeat()));
        Poll.pause(400);
        assertEquals(2, await(a.heartbeat()), "the silent replica's heartbeat expired");
        b.close();
        assertEquals(1, await(a.heartbeat()), "a closed replica leaves at once");
        assertEquals(1, a.liveReplicas());
    }

    @Test
    void keepsTheLastCountWhileRedisIsDown() {
        ReplicaRegistry a = new ReplicaRegistry(client, "a", Duration.ofSeconds(2), Duration.ofSeconds(6));
        ReplicaRegistry b = new ReplicaRegistry(client, "b", Duration.ofSeconds(2), Duration.ofSeconds(6));
        await(b.heartbeat());
        await(a.heartbeat());
        redis.kill9();
        try {
            await(a.heartbeat());
        } catch (RuntimeException expected) {
            // Redis is gone
        }
        assertEquals(2, a.liveReplicas(), "the fallback still divides by the last count seen");
    }
}
