package sluice.bench;

import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** The failover scenario: what one hop over a provider that fails at once adds to a request. */
final class FailoverTable {
    private static final double TARGET_MS = 50.0;

    private FailoverTable() {
    }

    static void append(StringBuilder md, ResultSet results) {
        List<JsonObject> rows = results.rows("load", "failover");
        if (rows.isEmpty()) {
            return;
        }
        md.append("## Failover hop\n\n")
                .append("Replica 1 routes to the simulator; replica 2 routes to a provider answering 500 at once, ")
                .append("then to the same simulator (breaker, passive health and prober set never to take it out, ")
                .append("so every request makes exactly one hop; checked on `x-sluice-attempts` first). Rounds ")
                .append("alternate the two replicas. The added time per hop includes the failed call itself. ")
                .append("Target (issue 5): < ").append(Report.num(TARGET_MS)).append(" ms per hop for an instant failure.\n\n")
                .append("| clients | route | round | req/s | p50 ms | p90 ms | p99 ms | gateway CPU s / 1k req |\n")
                .append("|---:|---|---:|---:|---:|---:|---:|---:|\n");
        for (JsonObject r : rows) {
            JsonObject tags = r.getJsonObject("tags");
            md.append("| ").append(r.getInteger("concurrency")).append(" | ").append(tags.getString("target"))
                    .append(" | ").append(tags.getString("round")).append(" | ").append(Report.num(r.getDouble("rps")))
                    .append(" | ").append(Report.num(ResultSet.latency(r, "latencyMs", "p50")))
                    .append(" | ").append(Report.num(ResultSet.latency(r, "latencyMs", "p90")))
                    .append(" | ").append(Report.num(ResultSet.latency(r, "latencyMs", "p99")))
                    .append(" | ").append(Report.num(ResultSet.cpuPer1k(r, "gateway"))).append(" |\n");
        }
        md.append("\n| clients | added p50 per hop (median of rounds) | added p99 per hop | verdict |\n|---:|---:|---:|---|\n");
        TreeSet<Integer> concurrencies = new TreeSet<>();
        rows.forEach(r -> concurrencies.add(r.getInteger("concurrency")));
        for (int c : concurrencies) {
            double p50 = median(rows, c, "one-hop", "p50") - median(rows, c, "no-failover", "p50");
            double p99 = median(rows, c, "one-hop", "p99") - median(rows, c, "no-failover", "p99");
            md.append("| ").append(c).append(" | ").append(Report.num(p50)).append(" ms | ").append(Report.num(p99))
                    .append(" ms | ").append(p50 < TARGET_MS ? "**meets** (< 50 ms)" : "**missed** by " + Report.num(p50 - TARGET_MS) + " ms")
                    .append(" |\n");
        }
        md.append('\n');
    }

    private static double median(List<JsonObject> rows, int concurrency, String target, String percentile) {
        List<Double> values = new ArrayList<>();
        for (JsonObject r : rows) {
            if (r.getInteger("concurrency") == concurrency && target.equals(r.getJsonObject("tags").getString("target"))) {
                values.add(ResultSet.latency(r, "latencyMs", percentile));
            }
        }
        if (values.isEmpty()) {
            return Double.NaN;
        }
        values.sort(null);
        int n = values.size();
        return n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
    }
}
