package sluice.router.keys;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import sluice.keystore.ClientKeyService;
import sluice.keystore.TenantLimits;
import sluice.keystore.TenantService;
import sluice.keystore.UsageEvent;
import sluice.keystore.UsageLedgerWriter;
import sluice.quota.KeyRecordSnapshot;
import sluice.quota.redis.RedisQuotaSettings;
import sluice.quota.redis.RedisQuotaStateRestorer;
import sluice.router.GatewayTestEnvironment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * After Redis lost its data, a tenant's budget use comes back from the ledger: a tenant that had
 * spent its monthly budget is still refused, rather than starting the month again at zero.
 */
@QuarkusTest
@QuarkusTestResource(value = GatewayTestEnvironment.class, restrictToAnnotatedClass = false)
class TenantBudgetRestoreTest {
    @Inject
    TenantService tenants;

    @Inject
    ClientKeyService clientKeys;

    @Inject
    UsageLedgerWriter ledger;

    @Inject
    TenantUsageSnapshots snapshots;

    @Inject
    RedissonClient redisson;

    @Test
    void aSpentMonthlyBudgetStaysSpentWhenRedisIsRebuiltFromTheLedger() throws Throwable {
        String spent = "restore-" + UUID.randomUUID().toString().substring(0, 8);
        String unlimited = spent + "-free";
        String key = newTenantWithKey(spent, new TenantLimits(0, 0, 5_000, 1_000));
        newTenantWithKey(unlimited, TenantLimits.unlimited());
        VertxContextSupport.subscribeAndAwait(() -> ledger.writeBatch(List.of(
                used(spent, 300, 200), used(spent, 250, 250), used(unlimited, 999, 999))));

        List<KeyRecordSnapshot> all = VertxContextSupport.subscribeAndAwait(snapshots::withBudgets);
        KeyRecordSnapshot restored = find(all, "tenant:" + spent).orElseThrow();
        assertEquals(1_000, restored.tokensThisMonth(), "summed from the ledger's reported tokens");
        assertEquals(1_000, restored.tokensToday());
        assertEquals(1_000, restored.limits().monthlyTokens());
        assertTrue(find(all, "tenant:" + unlimited).isEmpty(), "a tenant without budgets has nothing to restore");

        new RedisQuotaStateRestorer(redisson, RedisQuotaSettings.defaults()).restore(List.of(restored))
                .toCompletableFuture().join();
        Response refused = given().contentType(ContentType.JSON).header("Authorization", "Bearer " + key)
                .body("{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .post("/v1/chat/completions");
        assertEquals(429, refused.statusCode(), refused.asString());
        assertTrue(refused.asString().contains("monthly token budget (1000 of 1000 tokens used this month)"),
                refused.asString());
    }

    private String newTenantWithKey(String tenant, TenantLimits limits) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> tenants.createTenant(tenant, "Restore test", limits, "test"));
        return VertxContextSupport.subscribeAndAwait(() -> clientKeys.create(tenant, "restore", null, "test"))
                .key().reveal();
    }

    private static UsageEvent used(String tenant, int prompt, int completion) {
        return new UsageEvent(UUID.randomUUID().toString(), Instant.now(), tenant, "ck-test", "sim", "sim-key-1",
                "gpt-4o-mini", "general", prompt, completion, prompt, completion, 200, 1, 20, null);
    }

    private static Optional<KeyRecordSnapshot> find(List<KeyRecordSnapshot> all, String keyId) {
        return all.stream().filter(s -> s.keyId().equals(keyId)).findFirst();
    }
}
