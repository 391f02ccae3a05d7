package sluice.keystore;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import sluice.testsupport.PostgresServer;
import sluice.testsupport.TestServers;

import java.util.Map;

/** Points the test application at the shared real PostgreSQL of this test JVM. */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        PostgresServer postgres = TestServers.postgres();
        return Map.of(
                "quarkus.datasource.reactive.url", postgres.reactiveUrl(),
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(),
                "quarkus.datasource.username", postgres.user(),
                "quarkus.datasource.password", postgres.password());
    }

    @Override
    public void stop() {
        // the server belongs to TestServers and stops with the JVM
    }
}
