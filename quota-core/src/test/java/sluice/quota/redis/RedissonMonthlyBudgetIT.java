package sluice.quota.redis;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.redisson.api.RedissonClient;
import sluice.quota.AbstractMonthlyBudgetContractTest;
import sluice.quota.ManualTimeSource;
import sluice.quota.QuotaStore;
import sluice.testsupport.TestServers;

/** The monthly-budget contract against a real Redis. */
class RedissonMonthlyBudgetIT extends AbstractMonthlyBudgetContractTest {
    private static RedissonClient client;

    @BeforeAll
    static void connect() {
        client = RedisQuotaConfig.client(TestServers.redis().uri());
    }

    @AfterAll
    static void disconnect() {
        client.shutdown();
    }

    @Override
    protected QuotaStore newStore(ManualTimeSource clock) {
        return new RedissonQuotaStore(client, RedisQuotaSettings.defaults().withClock(clock));
    }
}
