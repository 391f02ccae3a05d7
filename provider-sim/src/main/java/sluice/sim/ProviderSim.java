package sluice.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A running simulated OpenAI-compatible provider, embeddable in tests:
 * <pre>{@code
 * try (ProviderSim sim = ProviderSim.start(SimConfig.builder()
 *         .key("sk-test", KeyLimits.of(60, 10_000, 0, 4)).build())) {
 *     String baseUrl = sim.baseUrl();          // http://127.0.0.1:PORT/v1
 *     ...
 *     assertThat(sim.stats().key("sk-test").maxRequestsInAnyWindow()).isLessThanOrEqualTo(60);
 * }
 * }</pre>
 * Runs on its own Vert.x instance, so it never clashes with the application's. Thread-safe.
 */
public final class ProviderSim implements AutoCloseable {

    private static final long START_TIMEOUT_SECONDS = 30;
    /** Vert.x binds servers on a negative port to one free port they all share. */
    private static final int SHARED_FREE_PORT = -1;

    private final Vertx vertx;
    private final KeyRegistry registry;
    private final String host;
    private final int port;

    private ProviderSim(Vertx vertx, KeyRegistry registry, String host, int port) {
        this.vertx = vertx;
        this.registry = registry;
        this.host = host;
        this.port = port;
    }

    /**
     * Starts a simulator and blocks until it listens.
     *
     * @throws SimStartException when the server cannot bind or does not start in 30 s
     */
    public static ProviderSim start(SimConfig config) {
        TokenCounter.encoding();
        Vertx vertx = Vertx.vertx(vertxOptions(config));
        try {
            ObjectMapper mapper = JsonMapper.builder().build();
            KeyRegistry registry = new KeyRegistry(config);
            ChatRequestParser parser = new ChatRequestParser(mapper, new TokenCounter());
            ChatCompletionHandler chat = new ChatCompletionHandler(vertx, registry, parser,
                    new CompletionText(config.tokensPerChunk()), config);
            SimHttpHandler handler = new SimHttpHandler(registry, chat,
                    new AdminHandler(registry, mapper), config.models());
            int port = deployServers(vertx, handler, config);
            return new ProviderSim(vertx, registry, config.host(), port);
        } catch (RuntimeException e) {
            vertx.close();
            throw e;
        }
    }

    /** @return the port the simulator listens on */
    public int port() {
        return port;
    }

    /** @return the OpenAI base URL clients use, e.g. {@code http://127.0.0.1:PORT/v1} */
    public String baseUrl() {
        return origin() + "/v1";
    }

    /** @return the admin API root, e.g. {@code http://127.0.0.1:PORT/_sim} */
    public String adminUrl() {
        return origin() + "/_sim";
    }

    /** Adds a key or replaces its limits (its windows restart if a limit changed). */
    public void setKey(String key, KeyLimits limits) {
        registry.put(key, limits, null);
    }

    /** Adds a key or replaces its limits and its own faults. */
    public void setKey(String key, KeyLimits limits, Faults faults) {
        registry.put(key, limits, faults);
    }

    /**
     * Sets a key's own faults; {@code null} fields inherit the global faults.
     *
     * @throws IllegalArgumentException when the key is unknown
     */
    public void setKeyFaults(String key, Faults faults) {
        registry.setKeyFaults(key, faults);
    }

    /** @return true when the key existed; later requests with it get 401 */
    public boolean removeKey(String key) {
        return registry.remove(key);
    }

    /**
     * Marks the key's daily quota used up until the next UTC midnight (429 insufficient_quota).
     *
     * @throws IllegalArgumentException when the key is unknown
     */
    public void exhaustKey(String key) {
        registry.exhaust(key);
    }

    /** Sets the global faults; {@code null} fields take the start-up configuration's value. */
    public void setFaults(Faults faults) {
        registry.setGlobalFaults(faults);
    }

    /** @return the global faults in force, every field set */
    public Faults faults() {
        return registry.globalFaults();
    }

    /** @return a snapshot of every key's counters */
    public SimStats stats() {
        return registry.stats();
    }

    /** Clears counters, windows, stats and exhaustion marks; keeps keys and faults. */
    public void reset() {
        registry.reset();
    }

    /** Stops the server and its Vert.x instance; blocks until closed. */
    @Override
    public void close() {
        try {
            vertx.close().toCompletionStage().toCompletableFuture()
                    .get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new SimException("provider-sim did not close cleanly", e);
        }
    }

    private String origin() {
        String urlHost = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
        return "http://" + (urlHost.contains(":") ? "[" + urlHost + "]" : urlHost) + ":" + port;
    }

    /** Deploys one server per event loop, all on the configured (or one free) port. */
    private static int deployServers(Vertx vertx, SimHttpHandler handler, SimConfig config) {
        int port = config.port() == 0 ? SHARED_FREE_PORT : config.port();
        AtomicInteger boundPort = new AtomicInteger();
        await(vertx.deployVerticle(
                () -> new HttpServerVerticle(handler, config.host(), port, boundPort),
                new DeploymentOptions().setInstances(config.eventLoops())));
        return boundPort.get();
    }

    private static VertxOptions vertxOptions(SimConfig config) {
        return new VertxOptions()
                .setEventLoopPoolSize(config.eventLoops())
                .setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1)
                .setFileSystemOptions(new FileSystemOptions()
                        .setFileCachingEnabled(false)
                        .setClassPathResolvingEnabled(false));
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture()
                    .get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new SimStartException("provider-sim: " + e.getCause().getMessage(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new SimStartException("provider-sim: timed out", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SimStartException("provider-sim: interrupted", e);
        }
    }
}
