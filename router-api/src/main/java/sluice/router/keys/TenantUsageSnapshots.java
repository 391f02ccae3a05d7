package sluice.router.keys;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import sluice.keystore.TenantService;
import sluice.keystore.TenantView;
import sluice.quota.KeyLimits;
import sluice.quota.KeyRecordSnapshot;
import sluice.quota.ResetCalendar;
import sluice.router.quota.KeyAdmission;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What Redis must remember about tenants after it lost its data: each tenant's use of its daily and
 * monthly token budget (UTC), summed from the durable ledger, so a budget spent before the loss stays
 * spent. The figures are the tokens providers reported; usage still in the Redis outbox when Redis
 * lost it is gone from both.
 */
@ApplicationScoped
public class TenantUsageSnapshots {
    private static final String USED_SINCE = "SELECT tenant_id,"
            + " coalesce(sum(coalesce(prompt_tokens, 0) + coalesce(completion_tokens, 0)) FILTER (WHERE occurred_at >= $2), 0),"
            + " coalesce(sum(coalesce(prompt_tokens, 0) + coalesce(completion_tokens, 0)), 0)"
            + " FROM usage_ledger WHERE occurred_at >= $1 GROUP BY tenant_id";

    private final TenantService tenants;
    private final Pool pool;
    private final Clock clock;

    public TenantUsageSnapshots(TenantService tenants, Pool pool) {
        this.tenants = tenants;
        this.pool = pool;
        this.clock = Clock.systemUTC();
    }

    /** @return a snapshot of every tenant with a budget (others have no day or month worth restoring) */
    public Uni<List<KeyRecordSnapshot>> withBudgets() {
        long now = clock.millis();
        Instant monthStart = Instant.ofEpochMilli(ResetCalendar.monthOf(now, ZoneOffset.UTC)[0]);
        Instant dayStart = Instant.ofEpochMilli(ResetCalendar.dayOf(now, ZoneOffset.UTC)[0]);
        return usedSince(monthStart, dayStart).flatMap(used -> tenants.listTenants().map(all -> all.stream()
                .filter(t -> t.limits().dailyTokenBudget() > 0 || t.limits().monthlyTokenBudget() > 0)
                .map(t -> snapshot(t, used.getOrDefault(t.id(), new long[2])))
                .toList()));
    }

    /** @return tenant id → {tokens today, tokens this month} */
    private Uni<Map<String, long[]>> usedSince(Instant monthStart, Instant dayStart) {
        return pool.preparedQuery(USED_SINCE).execute(Tuple.of(utc(monthStart), utc(dayStart))).map(rows -> {
            Map<String, long[]> used = new HashMap<>();
            for (Row row : rows) {
                used.put(row.getString(0), new long[] {row.getLong(1), row.getLong(2)});
            }
            return used;
        });
    }

    private static KeyRecordSnapshot snapshot(TenantView tenant, long[] used) {
        KeyLimits limits = KeyAdmission.tenantLimits(tenant.limits());
        return new KeyRecordSnapshot(KeyAdmission.TENANT_PREFIX + tenant.id(), limits, false, null, 0, null, 0,
                used[0], used[1]);
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
