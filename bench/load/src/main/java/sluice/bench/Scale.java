package sluice.bench;

import io.vertx.core.json.JsonObject;

import java.util.Comparator;
import java.util.List;

/** Hot-path cost as the key pool (10 → 10,000 keys) and the tenants (1 → 1,000) grow: it must stay flat. */
final class Scale {
    private Scale() {
    }

    static void append(StringBuilder md, List<JsonObject> rows) {
        if (rows.isEmpty()) {
            return;
        }
        rows.sort(ORDER);
        JsonObject first = rows.get(0);
        md.append("## Scale: pool size and tenants\n\n")
                .append(String.format("One replica, %d clients, %s, upstream latency %s ms; the pool's keys configured ",
                        first.getInteger("concurrency"), first.getBoolean("stream") ? "streaming" : "non-streaming",
                        first.getJsonObject("tags").getString("latencyMs", "0")))
                .append("from a generated properties file (`-Dquarkus.config.locations`), the simulator knowing ")
                .append("every key; with more than one tenant, each request carries the next tenant's client key in ")
                .append("turn (`load --auth-file`, keys minted by `bench-load mint-tenants`), so every tenant's ")
                .append("admission and client-key check is exercised.\n\n")
                .append("| keys | tenants | req/s | p50 ms | p99 ms | CPU s/1k req | RSS MB | Redis scripts / cmds per req | failed |\n")
                .append("|---|---|---|---|---|---|---|---|---|\n");
        for (JsonObject r : rows) {
            md.append(String.format("| %,d | %,d | %s | %s | %s | %s | %s | %s | %d |%n", keys(r), tenants(r),
                    Report.num(Report.rps(r)),
                    Report.num(ResultSet.latency(r, "latencyMs", "p50")),
                    Report.num(ResultSet.latency(r, "latencyMs", "p99")),
                    Report.num(ResultSet.cpuPer1k(r, "gateway")), Report.num(ResultSet.rssMaxMb(r, "gateway")),
                    Report.num(ResultSet.redisScriptsPerRequest(r)) + " / " + Report.num(ResultSet.redisPerRequest(r)),
                    ResultSet.errors(r)));
        }
        md.append('\n');
    }

    static void verdict(StringBuilder md, List<JsonObject> rows) {
        if (rows.size() < 2) {
            Targets.row(md, "hot-path cost flat from 10 to 10,000 keys", "—", "not measured");
            return;
        }
        rows.sort(ORDER);
        JsonObject small = rows.get(0);
        JsonObject large = rows.get(rows.size() - 1);
        double cpu = ResultSet.cpuPer1k(large, "gateway") / ResultSet.cpuPer1k(small, "gateway");
        double p50 = ResultSet.latency(large, "latencyMs", "p50") / ResultSet.latency(small, "latencyMs", "p50");
        String from = String.format("%,d keys, %,d tenant%s", keys(small), tenants(small), tenants(small) == 1 ? "" : "s");
        String to = String.format("%,d keys, %,d tenant%s", keys(large), tenants(large), tenants(large) == 1 ? "" : "s");
        String measured = String.format("%s → %s: CPU/request %.2f×, p50 %.2f×", from, to, cpu, p50);
        boolean flat = cpu <= 1.25 && p50 <= 1.25;
        Targets.row(md, "hot-path cost flat from " + from + " to " + to, measured, flat ? "**met** (within 25 %)" : "**missed**: grows by "
                        + String.format("%.0f %%", (Math.max(cpu, p50) - 1) * 100));
    }

    /** By pool size, then by tenants: the baseline (fewest keys, one tenant) first, the largest last. */
    private static final Comparator<JsonObject> ORDER = Comparator.comparingInt(Scale::keys)
            .thenComparingInt(Scale::tenants);

    /** Runs written before tenants were a dimension had one. */
    static int tenants(JsonObject row) {
        return Integer.parseInt(row.getJsonObject("tags").getString("tenants", "1"));
    }

    static int keys(JsonObject row) {
        return Integer.parseInt(row.getJsonObject("tags").getString("keys", "0"));
    }
}
