package sluice.bench;

import io.vertx.core.json.JsonObject;

import java.util.Comparator;
import java.util.List;

/** Hot-path cost as the key pool grows (10 → 10,000 keys): it must stay flat. */
final class Scale {
    private Scale() {
    }

    static void append(StringBuilder md, List<JsonObject> rows) {
        if (rows.isEmpty()) {
            return;
        }
        rows.sort(Comparator.comparingInt(Scale::keys));
        JsonObject first = rows.get(0);
        md.append("## Scale: pool size\n\n")
                .append(String.format("One replica, %d clients, %s, upstream latency %s ms; the pool's keys configured ",
                        first.getInteger("concurrency"), first.getBoolean("stream") ? "streaming" : "non-streaming",
                        first.getJsonObject("tags").getString("latencyMs", "0")))
                .append("from a generated properties file (`-Dquarkus.config.locations`), the simulator knowing ")
                .append("every key.\n\n")
                .append("| keys | req/s | p50 ms | p99 ms | CPU s/1k req | RSS MB | Redis scripts / cmds per req | failed |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        for (JsonObject r : rows) {
            md.append(String.format("| %,d | %s | %s | %s | %s | %s | %s | %d |%n", keys(r), Report.num(Report.rps(r)),
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
        rows.sort(Comparator.comparingInt(Scale::keys));
        JsonObject small = rows.get(0);
        JsonObject large = rows.get(rows.size() - 1);
        double cpu = ResultSet.cpuPer1k(large, "gateway") / ResultSet.cpuPer1k(small, "gateway");
        double p50 = ResultSet.latency(large, "latencyMs", "p50") / ResultSet.latency(small, "latencyMs", "p50");
        String measured = String.format("%,d → %,d keys: CPU/request %.2f×, p50 %.2f×", keys(small), keys(large), cpu, p50);
        boolean flat = cpu <= 1.25 && p50 <= 1.25;
        Targets.row(md, "hot-path cost flat from " + String.format("%,d to %,d", keys(small), keys(large)) + " keys",
                measured, flat ? "**met** (within 25 %)" : "**missed**: grows by "
                        + String.format("%.0f %%", (Math.max(cpu, p50) - 1) * 100));
    }

    static int keys(JsonObject row) {
        return Integer.parseInt(row.getJsonObject("tags").getString("keys", "0"));
    }
}
