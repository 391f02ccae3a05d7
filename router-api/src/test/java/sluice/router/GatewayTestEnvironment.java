package sluice.router;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import sluice.sim.Faults;
import sluice.sim.KeyLimits;
import sluice.sim.ProviderSim;
import sluice.sim.SimConfig;
import sluice.testsupport.PostgresServer;
import sluice.testsupport.RedisServer;
import sluice.testsupport.TestServers;

import java.util.List;
import java.util.Map;

/**
 * Real servers for the gateway's Quarkus tests: Redis, PostgreSQL and a provider simulator
 * with two keys, started once per test JVM and handed to the app as configuration.
 */
public class GatewayTestEnvironment implements QuarkusTestResourceLifecycleManager {
    public static final String KEY_1 = "sk-test-one-0000000000000001";
    public static final String KEY_2 = "sk-test-two-0000000000000002";
    /** Gateway-side limits, higher than none: tests that need upstream 429s lower the simulator's. */
    public static final long GATEWAY_RPM = 10_000;

    private static ProviderSim sim;

    public static synchronized ProviderSim sim() {
        if (sim == null) {
            sim = ProviderSim.start(SimConfig.builder()
                    .port(0)
                    .models(List.of("gpt-4o-mini", "gpt-4o"))
                    .faults(Faults.defaults().withCompletionTokens(12))
                    .key(KEY_1, KeyLimits.unlimited())
                    .key(KEY_2, KeyLimits.unlimited())
                    .build());
        }
        return sim;
    }

    /**
     * Undoes what earlier tests of the same app did to the gateway's keys: active again in
     * PostgreSQL and Redis, no cooldown or exhaustion, pools re-read; then {@link #resetSim()}.
     */
    public static void resetGateway() {
        sluice.quota.QuotaEngine engine = io.quarkus.arc.Arc.container().instance(sluice.quota.QuotaEngine.class).get();
        for (String key : List.of("sim-key-1", "sim-key-2")) {
            engine.enable(key).toCompletableFuture().join();
            engine.clearCooldown(key).toCompletableFuture().join();
            engine.store().clearExhausted(key).toCompletableFuture().join();
        }
        try (java.sql.Connection c = TestServers.postgres().connect(); java.sql.Statement s = c.createStatement()) {
            s.execute("UPDATE provider_keys SET status = 'active', status_reason = NULL, exhausted_until = NULL"
                    + " WHERE provider_id = 'sim'");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        io.quarkus.arc.Arc.container().instance(sluice.router.routing.ProviderCatalog.class).get().refresh();
        resetSim();
    }

    /** Puts both keys back to unlimited with no faults, and the provider back to healthy (all health forgotten). */
    public static void resetSim() {
        io.quarkus.arc.Arc.container().instance(sluice.router.health.ProviderHealth.class).get().forget("sim");
        io.smallrye.faulttolerance.api.CircuitBreakerMaintenance.get().resetAll();
        sim().setKey(KEY_1, KeyLimits.unlimited(), Faults.inherit());
        sim().setKey(KEY_2, KeyLimits.unlimited(), Faults.inherit());
        sim().setFaults(Faults.defaults().withCompletionTokens(12));
        sim().reset();
    }

    public static RedisServer redis() {
        return TestServers.redis();
    }

    @Override
    public Map<String, String> start() {
        RedisServer redis = redis();
        PostgresServer pg = TestServers.postgres();
        return Map.ofEntries(
                Map.entry("sluice.redis.uri", redis.uri()),
                Map.entry("quarkus.datasource.reactive.url", pg.reactiveUrl()),
                Map.entry("quarkus.datasource.jdbc.url", pg.jdbcUrl()),
                Map.entry("quarkus.datasource.username", pg.user()),
                Map.entry("quarkus.datasource.password", pg.password()),
                Map.entry("sluice.route", "sim"),
                Map.entry("sluice.keys.refresh-interval", "1s"),
                Map.entry("sluice.health.ip-limit-pause", "8s"),
                Map.entry("sluice.auth.require-client-key", "false"),
                Map.entry("sluice.secrets.master-keys", TestMasterKey.RING),
                Map.entry("sluice.providers.sim.base-url", sim().baseUrl()),
                Map.entry("sluice.providers.sim.models", "gpt-4o-mini,gpt-4o"),
                Map.entry("sluice.providers.sim.keys.sim-key-1.secret", KEY_1),
                Map.entry("sluice.providers.sim.keys.sim-key-1.rpm", Long.toString(GATEWAY_RPM)),
                Map.entry("sluice.providers.sim.keys.sim-key-1.tpm", "0"),
                Map.entry("sluice.providers.sim.keys.sim-key-2.secret", KEY_2),
                Map.entry("sluice.providers.sim.keys.sim-key-2.rpm", Long.toString(GATEWAY_RPM)),
                Map.entry("sluice.providers.sim.keys.sim-key-2.tpm", "0"));
    }

    @Override
    public void stop() {
        // the servers live for the whole test JVM and stop with it
    }
}
