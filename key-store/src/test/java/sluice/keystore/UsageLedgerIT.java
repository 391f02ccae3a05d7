package sluice.keystore;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sluice.keystore.LedgerFixture.event;
import static sluice.keystore.LedgerFixture.rowsBetween;
import static sluice.keystore.LedgerFixture.rowsOf;

/**
 * The ledger writes each event exactly once however often it is delivered, keeps monthly partitions
 * and drops them for retention. Each test works in its own months so tests never see each other's rows.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class UsageLedgerIT {
    @Inject
    UsageLedgerWriter writer;
    @Inject
    UsagePartitions partitions;

    @Test
    void theSameEventWrittenTwiceIsOneRow() throws SQLException {
        UsageEvent event = event(Instant.parse("2030-03-05T10:00:00.123456Z"), "acme", "deepseek", "k-1",
                "deepseek-chat", "code", 1200, 300);

        int first = OnVertx.await(() -> writer.writeBatch(List.of(event)));
        int redelivered = OnVertx.await(() -> writer.writeBatch(List.of(UsageEvent.fromFields(event.toFields()))));

        assertEquals(List.of(1, 0), List.of(first, redelivered));
        assertEquals(1, rowsOf(event.requestId()));
        assertEquals("1200 300 200 code", KeyStoreFixture.string("SELECT concat_ws(' ', prompt_tokens, completion_tokens,"
                + " status, task_class) FROM usage_ledger WHERE request_id = ?", event.requestId()));
    }

    @Test
    void duplicatesInsideAndAcrossBatchesAreSkippedAndCounted() throws SQLException {
        Instant base = Instant.parse("2030-04-10T00:00:00Z");
        List<UsageEvent> events = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            events.add(event(base.plusSeconds(i), "acme", "qwen", "k-2", "qwen-max", "general", 10, 10));
        }
        List<UsageEvent> first = new ArrayList<>(events.subList(0, 6));
        first.add(events.get(2));
        first.add(events.get(0));
        List<UsageEvent> second = new ArrayList<>(events.subList(4, 10));
        second.add(events.get(9));

        int firstCount = OnVertx.await(() -> writer.writeBatch(first));
        int secondCount = OnVertx.await(() -> writer.writeBatch(second));

        assertEquals(List.of(6, 4), List.of(firstCount, secondCount));
        assertEquals(10, rowsBetween(base, base.plus(Duration.ofDays(1))));
        assertEquals(0, OnVertx.await(() -> writer.writeBatch(List.of())));
    }

    @Test
    void everyUpstreamCallAndTheRouteReasonLandInTheRow() throws SQLException {
        UsageEvent e = UsageEventTest.complete();
        UsageEvent event = new UsageEvent("req-attempts-" + System.nanoTime(), Instant.parse("2030-04-12T09:00:00Z"),
                e.tenantId(), e.clientKeyId(), e.providerId(), e.keyId(), e.model(), e.taskClass(),
                e.estimatedPromptTokens(), e.estimatedCompletionTokens(), e.promptTokens(), e.completionTokens(),
                e.status(), e.attempts(), e.latencyMs(), null, e.routeReason(), e.attemptLog());

        assertEquals(1, OnVertx.await(() -> writer.writeBatch(List.of(event))));
        assertEquals(0, OnVertx.await(() -> writer.writeBatch(List.of(UsageEvent.fromFields(event.toFields())))));
        assertEquals("2 glm:503:server_error,deepseek:200:ok class code: text signals; route glm,deepseek",
                KeyStoreFixture.string("SELECT concat_ws(' ', jsonb_array_length(attempt_log), (SELECT string_agg("
                        + "a->>'provider' || ':' || (a->>'status') || ':' || (a->>'outcome'), ',') FROM"
                        + " jsonb_array_elements(attempt_log) a), route_reason) FROM usage_ledger WHERE request_id = ?",
                        event.requestId()));
    }

    @Test
    void aFailedRequestIsKeptWithoutTokensAndWithItsError() throws SQLException {
        UsageEvent failed = LedgerFixture.failed(Instant.parse("2030-04-11T08:00:00Z"), "acme", null, null, "glm-4");

        assertEquals(1, OnVertx.await(() -> writer.writeBatch(List.of(failed))));
        assertEquals("503 3 upstream timeout after 3 attempts t", KeyStoreFixture.string("SELECT concat_ws(' ', status,"
                + " attempts, error, prompt_tokens IS NULL AND provider_id IS NULL) FROM usage_ledger WHERE request_id = ?",
                failed.requestId()));
    }

    @Test
    void partitionsAreCreatedOncePerMonthEvenWhenAskedTwice() {
        List<String> created = OnVertx.await(() -> partitions.ensureMonthsOf(List.of(
                Instant.parse("2002-06-30T23:59:59Z"), Instant.parse("2002-07-01T00:00:00Z"), Instant.parse("2002-07-20T00:00:00Z"))));
        List<String> again = OnVertx.await(() -> partitions.ensureMonthsOf(List.of(Instant.parse("2002-07-05T00:00:00Z"))));
        List<String> current = OnVertx.await(partitions::ensureCurrentAndNextMonth);

        assertEquals(List.of("usage_ledger_p200206", "usage_ledger_p200207"), created);
        assertEquals(List.of("usage_ledger_p200207"), again);
        YearMonth now = YearMonth.now(ZoneOffset.UTC);
        DateTimeFormatter yyyymm = DateTimeFormatter.ofPattern("yyyyMM");
        assertEquals(List.of("usage_ledger_p" + now.format(yyyymm), "usage_ledger_p" + now.plusMonths(1).format(yyyymm)), current);
        List<String> all = OnVertx.await(partitions::list);
        assertTrue(all.containsAll(created) && all.containsAll(current), all.toString());
    }

    @Test
    void aMonthWithoutAPartitionGetsOneAndTheBatchIsWritten() throws SQLException {
        UsageEvent farAhead = event(Instant.parse("2031-09-15T12:00:00Z"), "acme", "kimi", "k-3", "kimi-k2", "agent", 5, 5);

        assertEquals(1, OnVertx.await(() -> writer.writeBatch(List.of(farAhead))));
        assertTrue(OnVertx.await(partitions::list).contains("usage_ledger_p203109"));
        assertEquals(1, rowsOf(farAhead.requestId()));
    }

    @Test
    void retentionDropsOnlyWholeMonthsBeforeTheCutoff() throws SQLException {
        List<UsageEvent> events = List.of(
                event(Instant.parse("2001-01-15T00:00:00Z"), "old", "p", "k", "m", "general", 1, 1),
                event(Instant.parse("2001-01-31T23:59:59Z"), "old", "p", "k", "m", "general", 1, 1),
                event(Instant.parse("2001-02-01T00:00:00Z"), "old", "p", "k", "m", "general", 1, 1),
                event(Instant.parse("2001-03-03T00:00:00Z"), "old", "p", "k", "m", "general", 1, 1));
        OnVertx.await(() -> partitions.ensureMonthsOf(events.stream().map(UsageEvent::occurredAt).toList()));
        OnVertx.await(() -> writer.writeBatch(events));

        List<String> dropped = OnVertx.await(() -> partitions.dropPartitionsOlderThan(Instant.parse("2001-02-10T00:00:00Z")));
        List<String> droppedAgain = OnVertx.await(() -> partitions.dropPartitionsOlderThan(Instant.parse("2001-02-10T00:00:00Z")));

        assertEquals(List.of("usage_ledger_p200101"), dropped);
        assertEquals(List.of(), droppedAgain);
        assertEquals(0, rowsBetween(Instant.parse("2001-01-01T00:00:00Z"), Instant.parse("2001-02-01T00:00:00Z")));
        assertEquals(2, rowsBetween(Instant.parse("2001-02-01T00:00:00Z"), Instant.parse("2001-04-01T00:00:00Z")));
        assertTrue(OnVertx.await(partitions::list).containsAll(List.of("usage_ledger_p200102", "usage_ledger_p200103")));
        assertEquals("cutoff", OnVertx.awaitFailure(InvalidKeyStoreInputException.class,
                () -> partitions.dropPartitionsOlderThan(Instant.now().plusSeconds(60))).field());
        assertEquals("retention", OnVertx.awaitFailure(InvalidKeyStoreInputException.class,
                () -> partitions.applyRetention(Duration.ofHours(1))).field());
    }

    @Test
    void tenThousandEventsInBatchesOfFiveHundred() throws SQLException {
        Instant base = Instant.parse("2030-01-01T00:00:00Z");
        List<UsageEvent> events = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            events.add(event(base.plusMillis(i * 250L), "tenant-" + (i % 50), "provider-" + (i % 7), "k-" + (i % 200),
                    "model-" + (i % 5), "general", 800 + i % 300, 200 + i % 100));
        }

        long started = System.nanoTime();
        int written = 0;
        for (int from = 0; from < events.size(); from += 500) {
            List<UsageEvent> batch = events.subList(from, from + 500);
            written += OnVertx.await(() -> writer.writeBatch(batch));
        }
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertEquals(10_000, written);
        assertEquals(10_000, rowsBetween(base, base.plus(Duration.ofDays(31))));
        long bytes = Long.parseLong(KeyStoreFixture.string("SELECT pg_total_relation_size(?::regclass)", "usage_ledger_p203001"));
        System.out.printf("[info] ledger: 10000 events in 20 batches of 500 took %d ms (%.0f rows/s);"
                        + " partition with indexes %d bytes = %d bytes/row%n",
                millis, 10_000 * 1000.0 / Math.max(millis, 1), bytes, bytes / 10_000);
    }
}
