package sluice.keystore;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The admin usage reads: totals and time series over {@code [from, to)}, grouped by one
 * {@link UsageDimension}, for every tenant or one ({@link UsageScope}). Each is one SQL statement on
 * the reactive pool, assembled only from constants (the dimension's column, the bucket's name);
 * values travel as parameters. Only the partitions of the months in the range are read; a tenant's
 * reads use the {@code (tenant_id, occurred_at)} index, reads across tenants the BRIN index on
 * {@code occurred_at}.
 *
 * <p>Failures arrive as the {@code Uni}'s failure: {@link InvalidKeyStoreInputException} naming
 * {@code groupBy}, {@code bucket}, {@code from}, {@code to} or {@code scope}.
 */
@ApplicationScoped
public class UsageQueries {
    private static final String SUMS = """
             count(*) AS requests, count(*) FILTER (WHERE status >= 400) AS failures,
             coalesce(sum(prompt_tokens), 0) AS prompt_tokens, coalesce(sum(completion_tokens), 0) AS completion_tokens,
             coalesce(sum(est_prompt_tokens), 0) AS est_prompt_tokens,
             coalesce(sum(est_completion_tokens), 0) AS est_completion_tokens
             FROM usage_ledger WHERE occurred_at >= $1 AND occurred_at < $2""";
    private static final String TENANT_FILTER = " AND tenant_id = $3";

    private final Pool pool;

    @Inject
    public UsageQueries(Pool pool) {
        this.pool = pool;
    }

    /** @return one total per group, by group ({@code null} group last) */
    public Uni<List<UsageTotal>> totals(UsageDimension groupBy, Instant from, Instant to, UsageScope scope) {
        return Uni.createFrom().deferred(() -> {
            requireQuery(groupBy, from, to, scope);
            String sql = "SELECT " + groupBy.column() + " AS grp," + SUMS + filter(scope)
                    + " GROUP BY grp ORDER BY grp NULLS LAST";
            return query(sql, from, to, scope, row -> new UsageTotal(row.getString("grp"), sums(row)));
        });
    }

    /**
     * {@link #totals(UsageDimension, Instant, Instant, UsageScope)} with {@code groupBy} as a client
     * sent it.
     *
     * @throws InvalidKeyStoreInputException (field {@code groupBy}) for a name not in {@link UsageDimension}
     */
    public Uni<List<UsageTotal>> totals(String groupBy, Instant from, Instant to, UsageScope scope) {
        return Uni.createFrom().deferred(() -> totals(UsageDimension.parse(groupBy), from, to, scope));
    }

    /**
     * @return one point per bucket and group that has usage, by bucket then group
     * @throws InvalidKeyStoreInputException (field {@code to}) for a range of more than
     *         {@value UsageBucket#MAX_BUCKETS} buckets
     */
    public Uni<List<UsagePoint>> series(UsageDimension groupBy, UsageBucket bucket, Instant from, Instant to,
                                        UsageScope scope) {
        return Uni.createFrom().deferred(() -> {
            requireQuery(groupBy, from, to, scope);
            if (bucket == null) {
                throw new InvalidKeyStoreInputException("bucket", "is required");
            }
            Duration longest = bucket.width().multipliedBy(UsageBucket.MAX_BUCKETS);
            if (Duration.between(from, to).compareTo(longest) > 0) {
                throw new InvalidKeyStoreInputException("to", "may be at most " + UsageBucket.MAX_BUCKETS + " "
                        + bucket.apiName() + "s after from");
            }
            String sql = "SELECT date_trunc('" + bucket.apiName() + "', occurred_at, 'UTC') AS bucket, "
                    + groupBy.column() + " AS grp," + SUMS + filter(scope) + " GROUP BY bucket, grp ORDER BY bucket, grp NULLS LAST";
            return query(sql, from, to, scope, row -> new UsagePoint(row.getOffsetDateTime("bucket").toInstant(),
                    row.getString("grp"), sums(row)));
        });
    }

    /**
     * {@link #series(UsageDimension, UsageBucket, Instant, Instant, UsageScope)} with {@code groupBy}
     * and {@code bucket} as a client sent them.
     *
     * @throws InvalidKeyStoreInputException (field {@code groupBy} or {@code bucket}) for a name not in
     *         the allow-list
     */
    public Uni<List<UsagePoint>> series(String groupBy, String bucket, Instant from, Instant to, UsageScope scope) {
        return Uni.createFrom().deferred(
                () -> series(UsageDimension.parse(groupBy), UsageBucket.parse(bucket), from, to, scope));
    }

    private <T> Uni<List<T>> query(String sql, Instant from, Instant to, UsageScope scope, Function<Row, T> mapper) {
        Tuple arguments = Tuple.of(utc(from), utc(to));
        if (scope.tenantId() != null) {
            arguments.addString(scope.tenantId());
        }
        return pool.preparedQuery(sql).execute(arguments).map(rows -> map(rows, mapper));
    }

    private static <T> List<T> map(RowSet<Row> rows, Function<Row, T> mapper) {
        List<T> items = new ArrayList<>(rows.size());
        for (Row row : rows) {
            items.add(mapper.apply(row));
        }
        return items;
    }

    private static UsageSums sums(Row row) {
        return new UsageSums(row.getLong("requests"), row.getLong("failures"), row.getLong("prompt_tokens"),
                row.getLong("completion_tokens"), row.getLong("est_prompt_tokens"), row.getLong("est_completion_tokens"));
    }

    private static String filter(UsageScope scope) {
        return scope.tenantId() == null ? "" : TENANT_FILTER;
    }

    private static void requireQuery(UsageDimension groupBy, Instant from, Instant to, UsageScope scope) {
        if (groupBy == null) {
            throw new InvalidKeyStoreInputException("groupBy", "is required");
        }
        if (from == null) {
            throw new InvalidKeyStoreInputException("from", "is required");
        }
        if (to == null) {
            throw new InvalidKeyStoreInputException("to", "is required");
        }
        if (!to.isAfter(from)) {
            throw new InvalidKeyStoreInputException("to", "must be after from");
        }
        if (scope == null) {
            throw new InvalidKeyStoreInputException("scope", "is required");
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
