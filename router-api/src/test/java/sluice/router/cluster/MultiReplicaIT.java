package sluice.router.cluster;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import sluice.sim.Faults;
import sluice.sim.KeyLimits;
import sluice.sim.KeyStats;
import sluice.sim.RejectReason;
import sluice.sim.SimConfig;
import sluice.sim.WindowPolicy;

import sluice.router.quota.KeyAdmission;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three gateway replicas (the packaged app, separate JVMs) share one Redis and PostgreSQL in
 * front of a provider simulator that enforces the same limits. Proves the quota invariants
 * across processes: no overshoot, instant cooldown, nothing leaked or forgotten.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiReplicaIT {
    static final String KEY_1 = "sk-cluster-one-00000000000000001";
    static final String KEY_2 = "sk-cluster-two-00000000000000002";
    static final long RPM = 150;
    static final String BODY = """
            {"model":"gpt-4o-mini","max_tokens":64,"messages":[{"role":"user","content":"Summarise the quarterly report in one line"}]}""";
    static final Path REPORT = Path.of("target", "multi-replica-report.txt");
    static final String ADMIN_TOKEN = "cluster-only-bootstrap-token-7d41c0a9e2";
    static final String TENANT = "cluster-budget";
    /** Tokens per month: room for a few dozen requests of {@link #BODY}. */
    static final long BUDGET = 1_000;

    static ClusterFixture cluster;
    final List<GatewayProcess> replicas = new ArrayList<>();

    @BeforeAll
    static void servers() throws IOException {
        cluster = new ClusterFixture(false, SimConfig.builder().port(0).models(List.of("gpt-4o-mini"))
                .window(WindowPolicy.ROLLING_60S)
                .faults(Faults.defaults().withLatencyMs(15).withCompletionTokens(20))
                .key(KEY_1, KeyLimits.of(RPM, 0, 0, 0))
                .key(KEY_2, KeyLimits.of(RPM, 0, 0, 0))
                .build(), List.of(KEY_1, KEY_2, ADMIN_TOKEN));
        Files.deleteIfExists(REPORT);
    }

    @AfterAll
    static void stopServers() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @AfterEach
    void stopReplicas() {
        cluster.stopReplicas();
        replicas.clear();
    }

    @Test
    @Order(1)
    void sharedAdmissionNeverOvershootsWhileUsingTheQuota() throws Exception {
        startReplicas(3, "shared", "fail-closed");
        LoadRun run = LoadRun.run(100, Duration.ofSeconds(62), i -> replicas.get(i).baseUrl(), 3, BODY);

        long upstream429 = 0;
        StringBuilder report = new StringBuilder("shared admission, 3 replicas, 100 clients, 62 s: " + run + "\n");
        for (String key : List.of(KEY_1, KEY_2)) {
            KeyStats stats = cluster.sim.stats().key(key);
            upstream429 += stats.rejected(RejectReason.RPM) + stats.rejected(RejectReason.TPM)
                    + stats.rejected(RejectReason.CONCURRENCY);
            report.append(String.format("  %s: accepted %d, max in any 60 s %d of %d (%.1f %%)%n", mask(key),
                    stats.accepted(), stats.maxRequestsInAnyWindow(), RPM, 100.0 * stats.maxRequestsInAnyWindow() / RPM));
            assertTrue(stats.maxRequestsInAnyWindow() <= RPM, "overshoot on " + mask(key) + ": " + stats);
            assertTrue(stats.maxRequestsInAnyWindow() >= 0.95 * RPM, "quota under-used on " + mask(key) + ": " + stats);
        }
        report.append("  upstream rate-limit 429s: ").append(upstream429).append('\n');
        write(report);
        assertEquals(0, upstream429, "the provider answered rate-limit 429s: " + report);
        assertEquals(Map.of(), run.otherThan(List.of(200, 429)), "only answers and clear 429s: " + run);
    }

    @Test
    @Order(2)
    void naiveLocalCountersOvershootTheSameLoad() throws Exception {
        cluster.sim.reset();
        startReplicas(3, "local", "fail-closed");
        LoadRun run = LoadRun.run(100, Duration.ofSeconds(62), i -> replicas.get(i).baseUrl(), 3, BODY);
        long upstream429 = 0;
        long maxWindow = 0;
        for (String key : List.of(KEY_1, KEY_2)) {
            KeyStats stats = cluster.sim.stats().key(key);
            upstream429 += stats.rejected(RejectReason.RPM);
            maxWindow = Math.max(maxWindow, stats.maxRequestsInAnyWindow());
        }
        write(new StringBuilder("naive local counters (contrast), same load: " + run + "\n  upstream rate-limit 429s: "
                + upstream429 + ", max admitted upstream in any 60 s on one key: " + maxWindow + " (limit " + RPM + ")\n"));
        assertTrue(upstream429 > 0, "the naive mode should overshoot; if not, the contrast proves nothing");
    }

    @Test
    @Order(3)
    void aTenantAtItsBudgetIsRefusedByEveryReplicaAtOnce() throws Exception {
        cluster.sim.reset();
        Map<String, String> p = properties("shared", "fail-closed");
        p.put("sluice.auth.require-client-key", "true");
        p.put("sluice.admin.bootstrap-token", ADMIN_TOKEN);
        replicas.addAll(cluster.startReplicas(3, "replica-budget", p));
        String clientKey = TenantBudgets.tenantWithMonthlyBudget(replicas.get(0), ADMIN_TOKEN, TENANT, BUDGET);

        LoadRun run = LoadRun.run(30, Duration.ofSeconds(8), i -> replicas.get(i).baseUrl(), 3, BODY,
                Map.of("authorization", "Bearer " + clientKey));

        assertEquals(Map.of(), run.otherThan(List.of(200, 429)), "only answers and budget refusals: " + run);
        assertTrue(run.count(200) > 0 && run.count(429) > 0, run.toString());
        long ledgerTokens = TenantBudgets.ledgerTokensOnceDrained(cluster.pg, TENANT, run.count(200));
        long counted = cluster.state(KeyAdmission.TENANT_PREFIX + TENANT).month().tokens();
        write(new StringBuilder(String.format("tenant budget, 3 replicas, 30 clients, 8 s: %s%n  answered %d requests,"
                + " %d tokens in the ledger, %d counted in Redis, monthly budget %d%n", run, run.count(200), ledgerTokens,
                counted, BUDGET)));
        assertTrue(ledgerTokens <= BUDGET, "tokens admitted " + ledgerTokens + " exceed the budget " + BUDGET);
        assertEquals(ledgerTokens, counted, "Redis holds exactly the reconciled usage");
        for (GatewayProcess replica : replicas) {
            HttpRequest request = HttpRequest.newBuilder(ClusterFixture.chatRequest(replica, BODY), (name, value) -> true)
                    .header("authorization", "Bearer " + clientKey).build();
            HttpResponse<String> refused = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            assertEquals(429, refused.statusCode(), replica.name() + ": " + refused.body());
            assertTrue(refused.body().contains("monthly token budget"), refused.body());
        }
    }

    private void startReplicas(int n, String mode, String redisDown) {
        replicas.addAll(cluster.startReplicas(n, "replica-" + mode, properties(mode, redisDown)));
    }

    private static Map<String, String> properties(String mode, String redisDown) {
        Map<String, String> p = cluster.baseProperties();
        p.put("sluice.quota.mode", mode);
        p.put("sluice.quota.redis-down-mode", redisDown);
        p.put("sluice.providers.sim.keys.mr-k1.secret", KEY_1);
        p.put("sluice.providers.sim.keys.mr-k1.rpm", Long.toString(RPM));
        p.put("sluice.providers.sim.keys.mr-k2.secret", KEY_2);
        p.put("sluice.providers.sim.keys.mr-k2.rpm", Long.toString(RPM));
        return p;
    }

    static String mask(String key) {
        return key.substring(0, 3) + "..." + key.substring(key.length() - 4);
    }

    static void write(StringBuilder report) throws IOException {
        System.out.print(report);
        Files.writeString(REPORT, report, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
