package sluice.testsupport;

import java.nio.file.Path;

/**
 * Runs one real server in the foreground for the local cluster ({@code deploy/local/up}):
 * <pre>
 *   java -cp "test-support.jar:lib/*" sluice.testsupport.ServersMain redis    --port 6379 --dir DIR [--aof]
 *   java -cp "test-support.jar:lib/*" sluice.testsupport.ServersMain postgres --port 5432 --dir DIR
 * </pre>
 * Prints {@code ready <kind> <port>} once the server answers, and stops it on SIGTERM.
 */
public final class ServersMain {
    private ServersMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length < 1) {
            usage("missing server kind");
        }
        int port = Integer.parseInt(option(args, "--port", "0"));
        Path dir = Path.of(option(args, "--dir", "target/servers/" + args[0])).toAbsolutePath();
        port = port == 0 ? FreePorts.find() : port;
        switch (args[0]) {
            case "redis" -> runRedis(port, dir, hasFlag(args, "--aof"));
            case "postgres" -> runPostgres(port, dir);
            default -> usage("unknown server kind " + args[0]);
        }
    }

    private static void runRedis(int port, Path dir, boolean aof) throws InterruptedException {
        RedisServer redis = RedisServer.start(port, dir, aof);
        Runtime.getRuntime().addShutdownHook(new Thread(redis::stop, "redis-stop"));
        System.out.println("ready redis " + port);
        redis.awaitExit();
    }

    private static void runPostgres(int port, Path dir) throws InterruptedException {
        System.setProperty("testsupport.pg.bin", dir.resolveSibling(dir.getFileName() + "-bin").toString());
        PostgresServer postgres = PostgresServer.start(port, dir);
        Object done = new Object();
        Runtime.getRuntime().addShutdownHook(new Thread(postgres::stop, "postgres-stop"));
        System.out.println("ready postgres " + port);
        synchronized (done) {
            while (postgres.isRunning()) {
                done.wait(1000);
            }
        }
        System.err.println("postgres on port " + port + " is no longer running");
        System.exit(1);
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    private static boolean hasFlag(String[] args, String name) {
        for (String arg : args) {
            if (arg.equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static void usage(String problem) {
        System.err.println(problem + "\nusage: (redis|postgres) --port N --dir DIR [--aof]");
        System.exit(2);
    }
}
