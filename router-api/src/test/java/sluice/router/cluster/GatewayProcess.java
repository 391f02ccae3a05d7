package sluice.router.cluster;

import sluice.testsupport.FreePorts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One gateway replica as a separate JVM running the packaged application
 * ({@code target/quarkus-app/quarkus-run.jar}), configured through system properties.
 */
public final class GatewayProcess implements AutoCloseable {
    private final String name;
    private final Map<String, String> properties;
    private final Path log;
    private final int port;
    private Process process;

    private GatewayProcess(String name, Map<String, String> properties, Path logDir) {
        this.name = name;
        this.properties = properties;
        this.port = FreePorts.find();
        this.log = logDir.resolve(name + ".log");
    }

    /** Starts a replica and waits until it reports ready. */
    public static GatewayProcess start(String name, Map<String, String> properties, Path logDir) {
        GatewayProcess gateway = new GatewayProcess(name, properties, logDir);
        gateway.launch();
        return gateway;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public String name() {
        return name;
    }

    public Path log() {
        return log;
    }

    /** SIGKILL: no shutdown hooks, in-flight requests and leases are abandoned. */
    public void kill9() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.onExit().join();
        }
    }

    /** Starts the same replica again on the same port. */
    public void restart() {
        close();
        launch();
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(Duration.ofSeconds(20).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    kill9();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                kill9();
            }
        }
    }

    private void launch() {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx256m");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-Dquarkus.http.port=" + port);
        cmd.add("-Dquarkus.http.host=127.0.0.1");
        properties.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.add("-jar");
        cmd.add(appJar().toString());
        try {
            Files.createDirectories(log.getParent());
            process = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start gateway " + name, e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        awaitReady();
    }

    private void awaitReady() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("gateway " + name + " exited at start; see " + log);
            }
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("gateway " + name + " not ready after 90 s; see " + log);
    }

    private static Path appJar() {
        Path jar = Path.of(System.getProperty("gateway.app.jar", "target/quarkus-app/quarkus-run.jar"));
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run the package phase first");
        }
        return jar;
    }
}
