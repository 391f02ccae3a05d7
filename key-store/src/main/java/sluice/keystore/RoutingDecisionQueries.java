package sluice.keystore;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;

/**
 * The newest routing decisions of every replica, read from the usage ledger (each replica's
 * events land there through the outbox, so the read costs the request path nothing). One
 * statement; {@code usage_ledger_occurred_at_idx} (V6) makes it a merge of the partitions' index
 * heads instead of a sort of the month.
 */
@ApplicationScoped
public class RoutingDecisionQueries {
    /** Most decisions one read returns. */
    public static final int MAX_LIMIT = 500;
    private static final String SQL = """
            SELECT request_id, occurred_at, tenant_id, task_class, route_reason, provider_id, model, key_id, status,
                   attempts, attempt_log::text AS attempt_log, latency_ms
            FROM usage_ledger ORDER BY occurred_at DESC LIMIT $1""";

    private final Pool pool;

    @Inject
    public RoutingDecisionQueries(Pool pool) {
        this.pool = pool;
    }

    /**
     * @return the newest {@code limit} decisions, newest first
     * @throws InvalidKeyStoreInputException (field {@code limit}) as the Uni's failure when {@code limit}
     *         is outside 1..{@value #MAX_LIMIT}
     */
    public Uni<List<RoutingDecision>> newest(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            return Uni.createFrom().failure(new InvalidKeyStoreInputException("limit",
                    "must be between 1 and " + MAX_LIMIT + ", got " + limit));
        }
        return pool.preparedQuery(SQL).execute(Tuple.of(limit)).map(rows -> {
            List<RoutingDecision> decisions = new ArrayList<>(rows.size());
            for (Row row : rows) {
                decisions.add(decision(row));
            }
            return decisions;
        });
    }

    private static RoutingDecision decision(Row row) {
        return new RoutingDecision(row.getString("request_id"), row.getOffsetDateTime("occurred_at").toInstant(),
                row.getString("tenant_id"), row.getString("task_class"), row.getString("route_reason"),
                row.getString("provider_id"), row.getString("model"), row.getString("key_id"),
                row.getInteger("status"), row.getInteger("attempts"), row.getString("attempt_log"),
                row.getInteger("latency_ms"));
    }
}
