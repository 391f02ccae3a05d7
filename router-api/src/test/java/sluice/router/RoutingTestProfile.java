package sluice.router;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import sluice.sim.Faults;
import sluice.sim.KeyLimits;
import sluice.sim.ProviderSim;
import sluice.sim.SimConfig;
import sluice.testsupport.TestServers;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Four simulated providers behind a route table: code → deepseek then glm, thinking → thinker,
 * general spread 1:1 over kimi and glm, default glm.
 */
public class RoutingTestProfile implements QuarkusTestProfile {
    static final List<String> PROVIDERS = List.of("deepseek", "kimi", "glm", "thinker");
    private static final Map<String, ProviderSim> SIMS = new HashMap<>();

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Environment.class));
    }

    /** Started as a test resource, so the simulators live in the tests' class loader. */
    public static class Environment implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            return overrides();
        }

        @Override
        public void stop() {
            // the simulators stop with the test JVM
        }
    }

    public static synchronized ProviderSim sim(String provider) {
        return SIMS.computeIfAbsent(provider, p -> start(p, 0));
    }

    /** Stops a provider's simulator, as if the provider died; {@link #restart} brings it back on the same port. */
    static synchronized int kill(String provider) {
        ProviderSim sim = SIMS.remove(provider);
        int port = sim.port();
        sim.close();
        return port;
    }

    static synchronized void restart(String provider, int port) {
        SIMS.put(provider, start(provider, port));
    }

    private static ProviderSim start(String provider, int port) {
        SimConfig.Builder config = SimConfig.builder().port(port).models(List.of(provider + "-model"))
                .faults(Faults.defaults().withCompletionTokens(8));
        secrets(provider).forEach(secret -> config.key(secret, KeyLimits.unlimited()));
        return ProviderSim.start(config.build());
    }

    /** deepseek has two keys (so all of them can be rate limited at once), the others one. */
    static List<String> secrets(String provider) {
        String first = "sk-route-" + provider + "-000000000000000";
        return "deepseek".equals(provider) ? List.of(first, "sk-route-" + provider + "-000000000000002") : List.of(first);
    }

    static Map<String, String> overrides() {
        Map<String, String> p = new HashMap<>();
        p.put("sluice.redis.uri", TestServers.redis().uri());
        p.put("quarkus.datasource.reactive.url", TestServers.postgres().reactiveUrl());
        p.put("quarkus.datasource.jdbc.url", TestServers.postgres().jdbcUrl());
        p.put("quarkus.datasource.username", "postgres");
        p.put("quarkus.datasource.password", "postgres");
        p.put("sluice.secrets.master-keys", TestMasterKey.RING);
        p.put("sluice.route", "glm");
        p.put("sluice.auth.require-client-key", "false");
        for (String provider : PROVIDERS) {
            String prefix = "sluice.providers." + provider;
            p.put(prefix + ".base-url", sim(provider).baseUrl());
            p.put(prefix + ".models", provider + "-model");
            List<String> secrets = secrets(provider);
            for (int i = 0; i < secrets.size(); i++) {
                p.put(prefix + ".keys.route-" + provider + (i == 0 ? "" : "-" + (i + 1)) + ".secret", secrets.get(i));
            }
        }
        p.put("sluice.health.passive.window", "5s");
        p.put("sluice.health.passive.min-calls", "4");
        p.put("sluice.health.passive.latency-threshold", "300ms");
        p.put("sluice.health.breaker-volume", "4");
        p.put("sluice.health.breaker-delay", "2s");
        p.put("sluice.health.probe-interval", "1s");
        p.put("sluice.routes.default", "glm/glm-model");
        p.put("sluice.routes.code", "deepseek/deepseek-model,glm/glm-model");
        p.put("sluice.routes.thinking", "thinker/thinker-model");
        p.put("sluice.routes.general", "kimi/kimi-model:1,glm/glm-model:1");
        p.put("sluice.model-aliases.\"claude-sonnet-*\"", "thinker/thinker-model");
        return p;
    }
}
