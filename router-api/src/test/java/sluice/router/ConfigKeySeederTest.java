package sluice.router;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sluice.router.keys.ConfigKeySeeder;
import sluice.testsupport.TestServers;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Replicas of a first rollout start together on an empty database and all seed the configured
 * keys: none may fail its start because another inserted the same row first.
 */
@QuarkusTest
@QuarkusTestResource(value = GatewayTestEnvironment.class, restrictToAnnotatedClass = false)
class ConfigKeySeederTest {
    private static final int REPLICAS = 8;

    @Inject
    ConfigKeySeeder seeder;

    @BeforeEach
    void reset() {
        GatewayTestEnvironment.resetGateway();
    }

    @Test
    void replicasSeedingTheSameKeyAtOnceAllStartAndTheKeyIsAddedOnce() throws Exception {
        long addedBefore = count("SELECT count(*) FROM audit_log WHERE target_id = 'sim-key-2' AND action = 'key.added'");
        sql("DELETE FROM provider_keys WHERE id = 'sim-key-2'");

        ExecutorService replicas = Executors.newFixedThreadPool(REPLICAS);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> starts = new ArrayList<>();
            for (int i = 0; i < REPLICAS; i++) {
                starts.add(replicas.submit(() -> {
                    go.await();
                    try {
                        return VertxContextSupport.subscribeAndAwait(seeder::seed);
                    } catch (Throwable t) {
                        throw new IllegalStateException("a replica failed to seed: " + t, t);
                    }
                }));
            }
            go.countDown();
            for (Future<?> start : starts) {
                start.get(60, TimeUnit.SECONDS); // throws if that "replica" failed to seed
            }
        } finally {
            replicas.shutdownNow();
        }

        assertEquals(1, count("SELECT count(*) FROM provider_keys WHERE id = 'sim-key-2' AND status = 'active'"));
        assertEquals(addedBefore + 1,
                count("SELECT count(*) FROM audit_log WHERE target_id = 'sim-key-2' AND action = 'key.added'"),
                "one replica added the key; the others found it there");
    }

    private static long count(String query) throws Exception {
        try (Connection c = TestServers.postgres().connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(query)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static void sql(String statement) throws Exception {
        try (Connection c = TestServers.postgres().connect(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
