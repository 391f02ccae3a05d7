package sluice.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A real {@code redis-server} child process on loopback that a test controls: start, stop,
 * {@link #kill9()} and {@link #restart()} on the same port. Uses {@code redis-server} from the
 * PATH when present, else the Linux binary shipped in the {@code embedded-redis} artifact.
 */
public final class RedisServer implements AutoCloseable {
    private static final String BUNDLED = "redis-server-6.2.6-v5-linux-amd64";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private final int port;
    private final Path dir;
    private final boolean appendOnly;
    private Process process;

    private RedisServer(int port, Path dir, boolean appendOnly) {
        this.port = port;
        this.dir = dir;
        this.appendOnly = appendOnly;
    }

    /** Starts a server without persistence on a free port. */
    public static RedisServer start() {
        return start(FreePorts.find(), WorkDirs.fresh("redis"), false);
    }

    /**
     * Starts a server.
     *
     * @param port       TCP port on 127.0.0.1
     * @param dir        its working folder (AOF lives here)
     * @param appendOnly keep data across {@link #restart()} (AOF, fsync always) when true
     */
    public static RedisServer start(int port, Path dir, boolean appendOnly) {
        RedisServer server = new RedisServer(port, WorkDirs.create(dir), appendOnly);
        server.launch();
        return server;
    }

    public int port() {
        return port;
    }

    /** @return {@code redis://127.0.0.1:PORT} */
    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** @return the OS process id, for tools that signal it */
    public long pid() {
        return process.pid();
    }

    /** Blocks until the process ends (used by the standalone launcher). */
    public void awaitExit() throws InterruptedException {
        process.waitFor();
    }

    /** Stops the server gracefully (SIGTERM) and waits for it. */
    public synchronized void stop() {
        if (isRunning()) {
            process.destroy();
            waitGone();
        }
    }

    /** Kills the server with SIGKILL: no shutdown, no save, connections drop at once. */
    public synchronized void kill9() {
        if (isRunning()) {
            process.destroyForcibly();
            waitGone();
        }
    }

    /** Starts the server again on the same port and folder. */
    public synchronized void restart() {
        stop();
        launch();
    }

    /** Deletes every key (FLUSHALL), as if Redis had lost its data. */
    public void flushAll() {
        String reply = command("FLUSHALL");
        if (!reply.startsWith("+OK")) {
            throw new IllegalStateException("FLUSHALL answered " + reply);
        }
    }

    /**
     * Sends one inline command and returns the first line of the reply (e.g. {@code +PONG}).
     * Meant for test set-up and checks, not for the application's traffic.
     */
    public String command(String inline) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write((inline + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            return readLine(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("redis on port " + port + " did not answer " + inline, e);
        }
    }

    @Override
    public void close() {
        stop();
    }

    private synchronized void launch() {
        List<String> cmd = new ArrayList<>(List.of(binary().toString(),
                "--port", Integer.toString(port), "--bind", "127.0.0.1", "--dir", dir.toString(),
                "--save", "", "--protected-mode", "no", "--daemonize", "no"));
        cmd.addAll(appendOnly ? List.of("--appendonly", "yes", "--appendfsync", "always")
                : List.of("--appendonly", "no"));
        try {
            process = new ProcessBuilder(cmd).directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + cmd.get(0), e);
        }
        ProcessReaper.register(process);
        awaitPong();
    }

    private void awaitPong() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("redis-server exited at start; see " + dir.resolve("redis.log"));
            }
            try {
                if (command("PING").startsWith("+PONG")) {
                    return;
                }
            } catch (UncheckedIOException notYet) {
                // still starting, or loading its AOF
            }
            Sleeps.briefly(20);
        }
        throw new IllegalStateException("redis-server not ready on port " + port + " after " + START_TIMEOUT);
    }

    private void waitGone() {
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private static synchronized Path binary() {
        Path onPath = Executables.onPath("redis-server");
        if (onPath != null) {
            return onPath;
        }
        Path target = WorkDirs.base().getParent().resolve("redis-bin").resolve(BUNDLED);
        if (Files.isExecutable(target)) {
            return target;
        }
        try (InputStream in = RedisServer.class.getClassLoader().getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("no redis-server on PATH and " + BUNDLED + " not on the classpath");
            }
            Files.createDirectories(target.getParent());
            Path part = Files.createTempFile(target.getParent(), BUNDLED, ".part");
            Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
            part.toFile().setExecutable(true);
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + BUNDLED, e);
        }
    }
}
