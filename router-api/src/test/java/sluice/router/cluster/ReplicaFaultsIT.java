package sluice.router.cluster;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import sluice.quota.KeyState;
import sluice.quota.redis.RedissonQuotaStore;
import sluice.sim.Faults;
import sluice.sim.KeyLimits;
import sluice.sim.KeyStats;
import sluice.sim.ProviderSim;
import sluice.sim.SimConfig;
import sluice.sim.WindowPolicy;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Faults across three replicas: a 429 seen by one replica stops all of them at once; kill -9 of
 * a replica leaks no concurrency slot; a restart of every replica forgets no cooldown or
 * exhaustion; Redis killed and restarted mid-load holds the fail-closed policy and recovers; the
 * leader prober moves to another replica when its replica is killed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicaFaultsIT {
    static final String KEY_1 = "sk-faults-one-0000000000000001";
    static final String KEY_2 = "sk-faults-two-0000000000000002";
    static ClusterFixture cluster;
    static ProviderSim sim;
    static RedissonQuotaStore quota;
    static List<GatewayProcess> replicas;

    @BeforeAll
    static void start() {
        cluster = new ClusterFixture(true, SimConfig.builder().port(0).models(List.of("gpt-4o-mini"))
                .window(WindowPolicy.FIXED_MINUTE)
                .faults(Faults.defaults().withCompletionTokens(10))
                .key(KEY_1, KeyLimits.unlimited()).key(KEY_2, KeyLimits.unlimited()).build(), List.of(KEY_1, KEY_2));
        sim = cluster.sim;
        quota = cluster.quota;
        replicas = cluster.startReplicas(3, "faults", properties());
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @BeforeEach
    void unlimitedKeys() {
        sim.setKey(KEY_1, KeyLimits.unlimited(), Faults.inherit());
        sim.setKey(KEY_2, KeyLimits.unlimited(), Faults.inherit());
        sim.setFaults(Faults.defaults().withCompletionTokens(10));
    }

    @Test
    @Order(1)
    void a429SeenByOneReplicaStopsEveryReplicaOnThatKey() throws Exception {
        // a token limit that one request nearly fills: the provider's remaining-tokens header never
        // reads 0, so only the 429 itself can tell the gateway (the request path under test)
        sim.setKey(KEY_1, KeyLimits.of(0, 100, 0, 0).withWindow(WindowPolicy.ROLLING_60S), Faults.inherit());
        long before = System.currentTimeMillis();
        boolean failedOver = false;
        for (int i = 0; i < 40 && !failedOver; i++) {
            HttpResponse<String> r = chat(replicas.get(0));
            assertEquals(200, r.statusCode(), r.body());
            failedOver = r.headers().firstValue("x-sluice-attempts").orElse("1").equals("2");
        }
        assertTrue(failedOver, "replica 0 met the simulator's 429 on key 1 and failed over");
        KeyState state = quota.state("rf-k1").toCompletableFuture().join();
        assertTrue(state.cooldownUntilMillis() > before + 30_000, "cooldown from Retry-After written through: " + state);

        KeyStats seen = sim.stats().key(KEY_1);
        long sentOnKey1 = seen.accepted() + seen.rejected().values().stream().mapToLong(Long::longValue).sum();
        for (int i = 0; i < 30; i++) {
            HttpResponse<String> r = chat(replicas.get(1 + i % 2));
            assertEquals(200, r.statusCode(), r.body());
            assertEquals("rf-k2", r.headers().firstValue("x-sluice-key").orElse(""));
        }
        KeyStats after = sim.stats().key(KEY_1);
        long sentAfter = after.accepted() + after.rejected().values().stream().mapToLong(Long::longValue).sum();
        assertEquals(sentOnKey1, sentAfter, "no replica sent on key 1 during its cooldown");
    }

    @Test
    @Order(2)
    void killedReplicaLeaksNoConcurrencySlot() throws Exception {
        quota.clearCooldown("rf-k1").toCompletableFuture().join();
        sim.setFaults(Faults.defaults().withCompletionTokens(10).withLatencyMs(4000));
        GatewayProcess victim = replicas.get(2);
        HttpClient http = HttpClient.newHttpClient();
        List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            inFlight.add(http.sendAsync(request(victim), HttpResponse.BodyHandlers.ofString()));
        }
        long deadline = System.currentTimeMillis() + 3000;
        while (leases() < 12 && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(12, leases(), "twelve requests hold leases before the kill");
        victim.kill9();
        inFlight.forEach(f -> f.exceptionally(e -> null));

        Thread.sleep(5000 + 1500); // the lease time (5 s) and a margin
        assertEquals(0, leases(), "leases of the killed replica expired");
        victim.restart();
    }

    @Test
    @Order(3)
    void restartingEveryReplicaForgetsNoCooldownOrExhaustion() throws Exception {
        quota.cooldown("rf-k1", System.currentTimeMillis() + 120_000, "test").toCompletableFuture().join();
        sim.exhaustKey(KEY_2);
        HttpResponse<String> exhausted = chat(replicas.get(0));
        assertEquals(429, exhausted.statusCode(), "key 1 cooling down, key 2's daily quota gone: " + exhausted.body());
        assertTrue(quota.state("rf-k2").toCompletableFuture().join().exhausted(), "exhaustion written through");

        for (GatewayProcess replica : replicas) {
            replica.kill9();
        }
        for (GatewayProcess replica : replicas) {
            replica.restart();
        }
        long sentBefore = sim.stats().key(KEY_1).accepted() + sim.stats().key(KEY_2).accepted();
        for (GatewayProcess replica : replicas) {
            assertEquals(429, chat(replica).statusCode());
        }
        assertEquals(sentBefore, sim.stats().key(KEY_1).accepted() + sim.stats().key(KEY_2).accepted(),
                "after the restart no replica sent on a cooling or exhausted key");
        quota.clearCooldown("rf-k1").toCompletableFuture().join();
        quota.clearExhausted("rf-k2").toCompletableFuture().join();
    }

    @Test
    @Order(4)
    void redisKilledMidLoadFailsClosedThenRecoversWithoutRestart() throws Exception {
        sim.reset();
        Thread.sleep(2500); // replicas skip keys they saw blocked (test 3) for sluice.quota.local-skip-max = 2 s
        CompletableFuture<LoadRun> load = CompletableFuture.supplyAsync(() -> {
            try {
                return LoadRun.run(16, Duration.ofSeconds(16), i -> replicas.get(i).baseUrl(), 3, MultiReplicaIT.BODY);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(4000);
        cluster.redis.kill9();
        Thread.sleep(4000);
        cluster.redis.restart();
        LoadRun run = load.join();
        assertEquals(Map.of(), run.otherThan(List.of(200, 503)), "only answers and the documented 503: " + run);
        assertTrue(run.count(503) > 0, "Redis was down for a while: " + run);
        assertEquals(0, run.transportErrors(), "no hang, no dropped connection: " + run);
        for (GatewayProcess replica : replicas) {
            assertEquals(200, chat(replica).statusCode(), "recovered without restart: " + replica.name());
        }
    }

    @Test
    @Order(6)
    void redisLosingItsDataIsRestoredFromPostgresConservatively() throws Exception {
        // test 3 left key 2 exhausted in PostgreSQL (its Redis copy was cleared by hand)
        cluster.redis.flushAll();
        long deadline = System.currentTimeMillis() + 15_000;
        KeyState k2 = quota.state("rf-k2").toCompletableFuture().join();
        while (!k2.exhausted() && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
            k2 = quota.state("rf-k2").toCompletableFuture().join();
        }
        assertTrue(k2.exhausted(), "daily exhaustion restored from PostgreSQL: " + k2);
        long sentBefore = sim.stats().key(KEY_1).accepted() + sim.stats().key(KEY_2).accepted();
        HttpResponse<String> r = chat(replicas.get(1));
        assertEquals(429, r.statusCode(), "minute windows restart full, nothing admitted yet: " + r.body());
        assertEquals(sentBefore, sim.stats().key(KEY_1).accepted() + sim.stats().key(KEY_2).accepted());
    }

    @Test
    @Order(5)
    void killingAReplicaMidLoadLosesNoUsageRecord() throws Exception {
        Thread.sleep(2500); // replicas skip keys they saw blocked for sluice.quota.local-skip-max = 2 s
        GatewayProcess victim = replicas.get(2);
        CompletableFuture<LoadRun> load = CompletableFuture.supplyAsync(() -> {
            try {
                return LoadRun.run(12, Duration.ofSeconds(8), i -> replicas.get(i).baseUrl(), 3, MultiReplicaIT.BODY);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(4000);
        victim.kill9();
        LoadRun run = load.join();
        List<String> answered = run.requestIds();
        assertTrue(run.count(200) > 50, "load ran: " + run);
        long deadline = System.currentTimeMillis() + 40_000; // a dead replica's pending entries are claimed after 15 s
        long recorded = 0;
        while (System.currentTimeMillis() < deadline && recorded < answered.size()) {
            Thread.sleep(500);
            recorded = ledgerRows(answered);
        }
        assertEquals(answered.size(), recorded, "every answered request has its ledger row: " + run);
        victim.restart();
    }

    @Test
    @Order(7)
    void theLeaderProberMovesToAnotherReplicaWhenItsReplicaIsKilled() throws Exception {
        GatewayProcess leader = awaitLeader(replicas, Duration.ofSeconds(30));
        List<GatewayProcess> others = replicas.stream().filter(r -> r != leader).toList();
        long killedAt = System.nanoTime();
        leader.kill9();
        GatewayProcess successor = awaitLeader(others, Duration.ofSeconds(60));
        long tookMillis = (System.nanoTime() - killedAt) / 1_000_000;
        System.out.printf("leader prober moved from %s to %s in %d ms%n", leader.name(), successor.name(), tookMillis);
        assertTrue(tookMillis < 60_000, "probing moved within the lock's watchdog time and one probe interval: "
                + tookMillis + " ms to " + successor.name());
        leader.restart();
    }

    /** @return the one replica whose {@code /q/health/well} says it is the prober, polled until the deadline */
    private static GatewayProcess awaitLeader(List<GatewayProcess> candidates, Duration within) throws Exception {
        java.util.regex.Pattern leads = java.util.regex.Pattern.compile("\"prober\"\\s*:\\s*\"leader\"");
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            List<GatewayProcess> leading = new ArrayList<>();
            for (GatewayProcess replica : candidates) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                        java.net.URI.create(replica.baseUrl() + "/q/health/well")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (leads.matcher(r.body()).find()) {
                    leading.add(replica);
                }
            }
            assertTrue(leading.size() <= 1, "never two probers at once: " + leading.size());
            if (leading.size() == 1) {
                return leading.get(0);
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no replica took over probing within " + within);
    }

    private static long ledgerRows(List<String> requestIds) throws Exception {
        try (java.sql.Connection c = cluster.pg.connect();
             java.sql.PreparedStatement s = c.prepareStatement(
                     "SELECT count(DISTINCT request_id) FROM usage_ledger WHERE request_id = ANY(?)")) {
            s.setArray(1, c.createArrayOf("text", requestIds.toArray()));
            try (java.sql.ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static int leases() {
        return quota.state("rf-k1").toCompletableFuture().join().inFlight()
                + quota.state("rf-k2").toCompletableFuture().join().inFlight();
    }

    static Map<String, String> properties() {
        Map<String, String> p = cluster.baseProperties();
        p.put("sluice.providers.sim.keys.rf-k1.secret", KEY_1);
        p.put("sluice.providers.sim.keys.rf-k1.rpm", "100000");
        p.put("sluice.providers.sim.keys.rf-k1.max-concurrent", "50");
        p.put("sluice.providers.sim.keys.rf-k2.secret", KEY_2);
        p.put("sluice.providers.sim.keys.rf-k2.rpm", "100000");
        p.put("sluice.providers.sim.keys.rf-k2.max-concurrent", "50");
        p.put("sluice.health.probe-interval", "2s");
        return p;
    }

    static HttpRequest request(GatewayProcess replica) {
        return ClusterFixture.chatRequest(replica, MultiReplicaIT.BODY);
    }

    static HttpResponse<String> chat(GatewayProcess replica) throws Exception {
        return ClusterFixture.chat(replica, MultiReplicaIT.BODY);
    }
}
