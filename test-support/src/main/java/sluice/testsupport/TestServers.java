package sluice.testsupport;

/**
 * One Redis and one PostgreSQL per test JVM, started on first use and stopped when the JVM ends.
 * Tests that kill or restart a server should start their own with {@link RedisServer#start()} or
 * {@link PostgresServer#start()} instead of disturbing these shared ones.
 */
public final class TestServers {
    private static RedisServer redis;
    private static PostgresServer postgres;

    private TestServers() {
    }

    public static synchronized RedisServer redis() {
        if (redis == null || !redis.isRunning()) {
            redis = RedisServer.start();
            Runtime.getRuntime().addShutdownHook(new Thread(redis::stop, "sluice-redis-stop"));
        }
        return redis;
    }

    public static synchronized PostgresServer postgres() {
        if (postgres == null) {
            postgres = PostgresServer.start();
            Runtime.getRuntime().addShutdownHook(new Thread(postgres::stop, "sluice-postgres-stop"));
        }
        return postgres;
    }
}
