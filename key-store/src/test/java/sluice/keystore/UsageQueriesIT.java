package sluice.keystore;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static sluice.keystore.LedgerFixture.event;

/**
 * Usage totals and time series over known events: each test writes its own events on its own day
 * of 2029 and checks the sums an operator (or a tenant) would read.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class UsageQueriesIT {
    @Inject
    UsageLedgerWriter writer;
    @Inject
    UsageQueries queries;

    @Test
    void totalsPerProviderForOneTenantLeaveOtherTenantsOut() {
        Instant day = Instant.parse("2029-02-01T00:00:00Z");
        String acme = unique("acme");
        String globex = unique("globex");
        write(event(day.plusSeconds(60), acme, "deepseek", "k-a", "deepseek-chat", "code", 1000, 200),
                event(day.plusSeconds(120), acme, "deepseek", "k-b", "deepseek-chat", "code", 3000, 600),
                event(day.plusSeconds(180), acme, "qwen", "k-c", "qwen-max", "general", 500, 50),
                LedgerFixture.failed(day.plusSeconds(240), acme, "qwen", "k-c", "qwen-max"),
                event(day.plusSeconds(300), globex, "deepseek", "k-a", "deepseek-chat", "code", 9999, 9999));

        List<UsageTotal> totals = OnVertx.await(() -> queries.totals("provider", day, day.plus(Duration.ofDays(1)),
                UsageScope.tenant(acme)));

        assertEquals(List.of(
                new UsageTotal("deepseek", new UsageSums(2, 0, 4000, 800, 4400, 880)),
                new UsageTotal("qwen", new UsageSums(2, 1, 500, 50, 850, 155))), totals);
        List<UsageTotal> perTenant = OnVertx.await(() -> queries.totals(UsageDimension.TENANT, day,
                day.plus(Duration.ofDays(1)), UsageScope.allTenants()));
        assertEquals(List.of(acme, globex), perTenant.stream().map(UsageTotal::group).toList());
        assertEquals(List.of(4L, 1L), perTenant.stream().map(t -> t.sums().requests()).toList());
    }

    @Test
    void theRangeIsHalfOpen() {
        Instant from = Instant.parse("2029-03-01T00:00:00Z");
        Instant to = from.plus(Duration.ofHours(1));
        String tenant = unique("edge");
        write(event(from, tenant, "p", "k", "m", "general", 1, 0),
                event(to.minusNanos(1000), tenant, "p", "k", "m", "general", 10, 0),
                event(to, tenant, "p", "k", "m", "general", 100, 0));

        List<UsageTotal> totals = OnVertx.await(() -> queries.totals("model", from, to, UsageScope.tenant(tenant)));

        assertEquals(List.of(new UsageTotal("m", new UsageSums(2, 0, 11, 0, 12, 0))), totals);
    }

    @Test
    void seriesBucketByUtcHourAndDayPerGroup() {
        Instant day = Instant.parse("2029-04-01T00:00:00Z");
        String tenant = unique("series");
        write(event(day.plus(Duration.ofMinutes(5)), tenant, "p", "k-1", "m", "code", 100, 10),
                event(day.plus(Duration.ofMinutes(55)), tenant, "p", "k-1", "m", "code", 200, 20),
                event(day.plus(Duration.ofMinutes(59)), tenant, "p", "k-1", "m", "thinking", 50, 500),
                event(day.plus(Duration.ofMinutes(125)), tenant, "p", "k-1", "m", "code", 400, 40),
                event(day.plus(Duration.ofHours(25)), tenant, "p", "k-1", "m", "code", 800, 80));
        Instant to = day.plus(Duration.ofDays(2));

        List<UsagePoint> hourly = OnVertx.await(() -> queries.series("taskClass", "hour", day, to, UsageScope.tenant(tenant)));
        List<UsagePoint> daily = OnVertx.await(() -> queries.series("key", "day", day, to, UsageScope.tenant(tenant)));

        assertEquals(List.of(
                point(day, "code", 2, 300, 30),
                point(day, "thinking", 1, 50, 500),
                point(day.plus(Duration.ofHours(2)), "code", 1, 400, 40),
                point(day.plus(Duration.ofHours(25)), "code", 1, 800, 80)), points(hourly));
        assertEquals(List.of(
                point(day, "k-1", 4, 750, 570),
                point(day.plus(Duration.ofDays(1)), "k-1", 1, 800, 80)), points(daily));
    }

    @Test
    void requestsWithoutAKeyFormTheirOwnGroupListedLast() {
        Instant day = Instant.parse("2029-05-01T00:00:00Z");
        String tenant = unique("nokey");
        write(event(day, tenant, "p", "k-9", "m", "general", 7, 3),
                LedgerFixture.failed(day.plusSeconds(1), tenant, null, null, "m"));

        List<UsageTotal> totals = OnVertx.await(() -> queries.totals("key", day, day.plus(Duration.ofDays(1)),
                UsageScope.tenant(tenant)));

        assertEquals(List.of(new UsageTotal("k-9", new UsageSums(1, 0, 7, 3, 7, 3)),
                new UsageTotal(null, new UsageSums(1, 1, 0, 0, 300, 100))), totals);
    }

    @Test
    void badQueriesNameTheFieldAndReachNoSql() {
        Instant from = Instant.parse("2029-06-01T00:00:00Z");
        Instant to = from.plus(Duration.ofDays(1));

        assertEquals("groupBy", badQuery(() -> queries.totals("provider_id) FROM pg_shadow --", from, to, UsageScope.allTenants())));
        assertEquals("groupBy", badQuery(() -> queries.series("week", "day", from, to, UsageScope.allTenants())));
        assertEquals("bucket", badQuery(() -> queries.series("model", "minute", from, to, UsageScope.allTenants())));
        assertEquals("to", badQuery(() -> queries.totals("model", to, from, UsageScope.allTenants())));
        assertEquals("to", badQuery(() -> queries.series("model", "hour", from, from.plus(Duration.ofDays(60)),
                UsageScope.allTenants())));
        assertEquals("from", badQuery(() -> queries.totals("model", null, to, UsageScope.allTenants())));
        assertEquals("scope", badQuery(() -> queries.totals("model", from, to, null)));
    }

    private String badQuery(Supplier<Uni<?>> query) {
        return OnVertx.awaitFailure(InvalidKeyStoreInputException.class, query).field();
    }

    /** @return what matters in a point here: bucket, group, requests, actual prompt and completion tokens */
    private static String point(Instant bucket, String group, long requests, long prompt, long completion) {
        return bucket + " " + group + " " + requests + " " + prompt + " " + completion;
    }

    private static List<String> points(List<UsagePoint> series) {
        return series.stream().map(p -> point(p.bucketStart(), p.group(), p.sums().requests(), p.sums().promptTokens(),
                p.sums().completionTokens())).toList();
    }

    private void write(UsageEvent... events) {
        OnVertx.await(() -> writer.writeBatch(List.of(events)));
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
