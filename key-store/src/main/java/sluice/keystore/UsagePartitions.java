package sluice.keystore;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The monthly partitions of the usage ledger ({@code usage_ledger_pYYYYMM}, one per UTC month,
 * migration V4). The router calls {@link #ensureCurrentAndNextMonth()} at start-up and a daily
 * retention job calls {@link #applyRetention(Duration)}; both are safe to run on every replica at
 * once (the SQL functions take an advisory lock). Creating or dropping a partition briefly locks the
 * ledger against writes; the writer waits, it does not fail.
 *
 * <p>Every method returns a {@code Uni} that runs one statement on the reactive pool, from any thread.
 */
@ApplicationScoped
public class UsagePartitions {
    /** Ledger rows are kept at least this long by default. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(90);

    private final Pool pool;
    private final Clock clock;

    @Inject
    public UsagePartitions(Pool pool) {
        this(pool, Clock.systemUTC());
    }

    public UsagePartitions(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    /** @return the partitions of the current and the next month, created if missing */
    public Uni<List<String>> ensureCurrentAndNextMonth() {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        return ensureMonthsOf(List.of(now.toInstant(), now.plusMonths(1).toInstant()));
    }

    /** @return the partitions of the months holding {@code instants}, created if missing, by month */
    public Uni<List<String>> ensureMonthsOf(Collection<Instant> instants) {
        OffsetDateTime[] months = instants.stream().map(i -> OffsetDateTime.ofInstant(i, ZoneOffset.UTC))
                .map(t -> t.withDayOfMonth(1).toLocalDate().atStartOfDay().atOffset(ZoneOffset.UTC))
                .distinct().sorted().toArray(OffsetDateTime[]::new);
        return names("SELECT usage_ledger_create_partition(m) FROM unnest($1::timestamptz[]) AS m ORDER BY m",
                Tuple.of(months));
    }

    /**
     * Drops every partition whose whole month ends at or before {@code cutoff}: rows are kept at least
     * until {@code cutoff}, at most until the end of its month.
     *
     * @return the names of the dropped partitions, oldest first
     * @throws InvalidKeyStoreInputException (field {@code cutoff}) when {@code cutoff} is missing or in
     *         the future
     */
    public Uni<List<String>> dropPartitionsOlderThan(Instant cutoff) {
        if (cutoff == null || cutoff.isAfter(clock.instant())) {
            return Uni.createFrom().failure(new InvalidKeyStoreInputException("cutoff", "must be a past instant"));
        }
        return names("SELECT usage_ledger_drop_partitions_before($1)", Tuple.of(OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC)));
    }

    /**
     * The retention job's one call: makes sure this and next month's partitions exist, then drops
     * the partitions older than {@code retention}.
     *
     * @return the names of the dropped partitions
     * @throws InvalidKeyStoreInputException (field {@code retention}) for a retention shorter than a day
     */
    public Uni<List<String>> applyRetention(Duration retention) {
        if (retention == null || retention.compareTo(Duration.ofDays(1)) < 0) {
            return Uni.createFrom().failure(new InvalidKeyStoreInputException("retention", "must be at least one day"));
        }
        return ensureCurrentAndNextMonth().flatMap(kept -> dropPartitionsOlderThan(clock.instant().minus(retention)));
    }

    /** @return the names of every ledger partition, oldest first */
    public Uni<List<String>> list() {
        return names("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
                + " WHERE i.inhparent = 'usage_ledger'::regclass ORDER BY c.relname", Tuple.tuple());
    }

    private Uni<List<String>> names(String sql, Tuple arguments) {
        return pool.preparedQuery(sql).execute(arguments).map(UsagePartitions::firstColumn);
    }

    private static List<String> firstColumn(RowSet<Row> rows) {
        List<String> names = new ArrayList<>(rows.size());
        for (Row row : rows) {
            names.add(row.getString(0));
        }
        return names;
    }
}
