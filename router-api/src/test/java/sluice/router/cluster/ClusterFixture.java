package sluice.router.cluster;

import org.redisson.api.RedissonClient;
import sluice.quota.KeyState;
import sluice.quota.redis.RedisQuotaConfig;
import sluice.quota.redis.RedissonQuotaStore;
import sluice.router.SecretScan;
import sluice.router.TestMasterKey;
import sluice.sim.ProviderSim;
import sluice.sim.SimConfig;
import sluice.testsupport.FreePorts;
import sluice.testsupport.PostgresServer;
import sluice.testsupport.RedisServer;
import sluice.testsupport.WorkDirs;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The servers behind a set of gateway replicas in one test class: its own Redis and PostgreSQL
 * (a fresh deployment), one provider simulator, and a quota store client to look at Redis.
 */
final class ClusterFixture implements AutoCloseable {
    static final Path REPLICA_LOGS = WorkDirs.base().resolve("replicas");

    final RedisServer redis;
    final PostgresServer pg;
    final ProviderSim sim;
    final RedissonClient redisson;
    final RedissonQuotaStore quota;
    private final List<String> secrets;
    private final List<GatewayProcess> replicas = new ArrayList<>();

    /** @param redisAof keep Redis data across kill -9 (as production runs it) */
    ClusterFixture(boolean redisAof, SimConfig simConfig, List<String> secrets) {
        this.redis = redisAof ? RedisServer.start(FreePorts.find(), WorkDirs.fresh("redis-aof"), true)
                : RedisServer.start();
        this.pg = PostgresServer.start();
        this.sim = ProviderSim.start(simConfig);
        this.redisson = RedisQuotaConfig.client(redis.uri());
        this.quota = new RedissonQuotaStore(redisson);
        this.secrets = secrets;
    }

    /** The properties every replica needs; tests add keys and modes. */
    Map<String, String> baseProperties() {
        Map<String, String> p = new HashMap<>();
        p.put("sluice.redis.uri", redis.uri());
        p.put("quarkus.datasource.reactive.url", pg.reactiveUrl());
        p.put("quarkus.datasource.jdbc.url", pg.jdbcUrl());
        p.put("quarkus.datasource.username", pg.user());
        p.put("quarkus.datasource.password", pg.password());
        p.put("sluice.route", "sim");
        p.put("sluice.auth.require-client-key", "false");
        p.put("sluice.secrets.master-keys", TestMasterKey.RING);
        p.put("sluice.providers.sim.base-url", sim.baseUrl());
        p.put("sluice.providers.sim.models", "gpt-4o-mini");
        p.put("sluice.quota.lease-ttl", "5s");
        return p;
    }

    /** Starts {@code n} replicas with the given properties; they stop with {@link #stopReplicas()}. */
    List<GatewayProcess> startReplicas(int n, String name, Map<String, String> properties) {
        List<GatewayProcess> started = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            started.add(GatewayProcess.start(name + "-" + i, properties, REPLICA_LOGS));
        }
        replicas.addAll(started);
        return started;
    }

    void stopReplicas() {
        replicas.forEach(GatewayProcess::close);
        replicas.clear();
    }

    KeyState state(String keyId) {
        return quota.state(keyId).toCompletableFuture().join();
    }

    static HttpRequest chatRequest(GatewayProcess replica, String body) {
        return HttpRequest.newBuilder(URI.create(replica.baseUrl() + "/v1/chat/completions"))
                .timeout(Duration.ofSeconds(30)).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    static HttpResponse<String> chat(GatewayProcess replica, String body) throws Exception {
        return HttpClient.newHttpClient().send(chatRequest(replica, body), HttpResponse.BodyHandlers.ofString());
    }

    /** Stops everything, then checks that no replica ever logged a provider secret. */
    @Override
    public void close() {
        stopReplicas();
        redisson.shutdown();
        sim.close();
        redis.stop();
        pg.stop();
        SecretScan.assertAbsent(REPLICA_LOGS, secrets);
    }
}
