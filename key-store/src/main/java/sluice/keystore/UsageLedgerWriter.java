package sluice.keystore;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.lang.reflect.Array;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;

/**
 * Writes usage events into the ledger, exactly once each: a batch is <b>one</b> {@code INSERT ...
 * SELECT FROM unnest(arrays) ON CONFLICT (request_id, occurred_at) DO NOTHING}, so an event already
 * written (a redelivery after a crash, a duplicate inside the batch) is skipped, and the count
 * returned is what was new. The statement text and its 18 array parameters are the same whatever
 * the batch size: one prepared statement, one round trip, one execution in PostgreSQL.
 * (docs/adr/0006-usage-ledger.md compares it with a pipelined {@code executeBatch}.)
 *
 * <p>An event in a month with no partition yet (clock skew, a consumer catching up across a month
 * end) makes PostgreSQL refuse the batch; the writer then creates the partitions of the batch's
 * months and tries once more.
 */
@ApplicationScoped
public class UsageLedgerWriter {
    private static final String CHECK_VIOLATION = "23514";
    private static final String INSERT_SQL = """
            INSERT INTO usage_ledger (request_id, occurred_at, tenant_id, client_key_id, provider_id, key_id, model,
                                      task_class, est_prompt_tokens, est_completion_tokens, prompt_tokens,
                                      completion_tokens, status, attempts, latency_ms, error, route_reason,
                                      attempt_log)
            SELECT r, o, t, c, p, k, m, tc, ep, ec, pt, ct, s, a, l, e, rr, al::jsonb
            FROM unnest($1::text[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::text[],
                        $7::text[], $8::text[], $9::int[], $10::int[], $11::int[], $12::int[], $13::int[],
                        $14::int[], $15::int[], $16::text[], $17::text[], $18::text[])
                 AS u(r, o, t, c, p, k, m, tc, ep, ec, pt, ct, s, a, l, e, rr, al)
            ON CONFLICT (request_id, occurred_at) DO NOTHING""";
    /** The arrays of {@link #INSERT_SQL}, in parameter order. */
    private static final List<Column<?>> COLUMNS = List.of(
            new Column<>(String.class, UsageEvent::requestId),
            new Column<>(OffsetDateTime.class, e -> OffsetDateTime.ofInstant(e.occurredAt(), ZoneOffset.UTC)),
            new Column<>(String.class, UsageEvent::tenantId),
            new Column<>(String.class, UsageEvent::clientKeyId),
            new Column<>(String.class, UsageEvent::providerId),
            new Column<>(String.class, UsageEvent::keyId),
            new Column<>(String.class, UsageEvent::model),
            new Column<>(String.class, UsageEvent::taskClass),
            new Column<>(Integer.class, UsageEvent::estimatedPromptTokens),
            new Column<>(Integer.class, UsageEvent::estimatedCompletionTokens),
            new Column<>(Integer.class, UsageEvent::promptTokens),
            new Column<>(Integer.class, UsageEvent::completionTokens),
            new Column<>(Integer.class, UsageEvent::status),
            new Column<>(Integer.class, UsageEvent::attempts),
            new Column<>(Integer.class, UsageEvent::latencyMs),
            new Column<>(String.class, UsageEvent::error),
            new Column<>(String.class, UsageEvent::routeReason),
            new Column<>(String.class, UsageEvent::attemptLog));

    private final Pool pool;
    private final UsagePartitions partitions;

    @Inject
    public UsageLedgerWriter(Pool pool, UsagePartitions partitions) {
        this.pool = pool;
        this.partitions = partitions;
    }

    /**
     * Writes {@code events} in one statement (atomically: all new rows or none). Runs on any thread.
     *
     * @return how many rows were inserted: {@code events.size()} minus those already in the ledger
     *         and duplicates within the batch
     */
    public Uni<Integer> writeBatch(List<UsageEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        Tuple columns = columns(events);
        return insert(columns).onFailure(UsageLedgerWriter::mayBeMissingPartition).recoverWithUni(failure ->
                partitions.ensureMonthsOf(events.stream().map(UsageEvent::occurredAt).toList())
                        .flatMap(created -> insert(columns)));
    }

    private Uni<Integer> insert(Tuple columns) {
        return pool.preparedQuery(INSERT_SQL).execute(columns).map(rows -> rows.rowCount());
    }

    /** "no partition of relation ... found for row" is a check violation (a CHECK in the table cannot fail: events are validated). */
    private static boolean mayBeMissingPartition(Throwable failure) {
        return failure instanceof PgException pg && CHECK_VIOLATION.equals(pg.getSqlState());
    }

    /** One array per column, in the order of {@link #INSERT_SQL}. */
    private static Tuple columns(List<UsageEvent> events) {
        // a fresh tuple: with Tuple.wrap(<immutable list>) the pg client's Uni never completes (Vert.x 4.5.26)
        Tuple tuple = Tuple.tuple();
        COLUMNS.forEach(column -> tuple.addValue(column.array(events)));
        return tuple;
    }

    /** A ledger column: its Java element type and how to read it from an event. */
    private record Column<T>(Class<T> type, Function<UsageEvent, T> value) {
        @SuppressWarnings("unchecked")
        T[] array(List<UsageEvent> events) {
            T[] array = (T[]) Array.newInstance(type, events.size());
            for (int i = 0; i < array.length; i++) {
                array[i] = value.apply(events.get(i));
            }
            return array;
        }
    }
}
