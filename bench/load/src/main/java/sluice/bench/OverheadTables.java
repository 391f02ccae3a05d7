package sluice.bench;

import io.vertx.core.json.JsonObject;

/** One table per overhead cell: every target side by side, with its ratio to direct. */
final class OverheadTables {
    private OverheadTables() {
    }

    static void append(StringBuilder md, ResultSet results, String pngName) {
        if (results.cells().isEmpty()) {
            return;
        }
        md.append("## Overhead: direct, nginx, Sluice\n\n")
                .append("Closed loop, interleaved in one session (each cell runs every target back to back). ")
                .append("Latency from request sent to last byte; `(+x)` is added milliseconds vs direct, ")
                .append("`×` the ratio to direct. CPU is seconds of CPU per 1,000 requests of the proxying ")
                .append("processes (nginx workers; the gateway JVMs, summed over replicas; `+ LB` the nginx ")
                .append("balancing them); RSS the largest resident set of one such process during the window. ")
                .append("Redis: script calls (`EVALSHA`; concurrent ones share writes, see the round-trip probe) / all commands Redis executed, ")
                .append("those inside scripts included, per request (`INFO commandstats` deltas; background pings ")
                .append("and heartbeats of every running replica included).\n\n")
                .append("![throughput and added latency](").append(pngName).append(")\n\n");
        for (ResultSet.Cell cell : results.cells()) {
            JsonObject direct = results.overhead("direct", cell);
            md.append("### ").append(cell.title()).append("\n\n")
                    .append("| target | req/s | p50 ms | p90 ms | p99 ms | p99.9 ms |");
            if (cell.stream()) {
                md.append(" first byte p50 | first byte p99 |");
            }
            md.append(" CPU s/1k req | RSS MB | Redis scripts / cmds per req | failed |\n|---|---|---|---|---|---|");
            md.append(cell.stream() ? "---|---|" : "").append("---|---|---|---|\n");
            for (int i = 0; i < ResultSet.TARGETS.size(); i++) {
                JsonObject row = results.overhead(ResultSet.TARGETS.get(i), cell);
                if (row != null) {
                    String name = "client".equals(row.getJsonObject("tags").getString("lb"))
                            ? "Sluice ×3 (spread by the load tool; no nginx)" : ResultSet.TARGET_NAMES.get(i);
                    appendRow(md, name, row, direct, cell.stream());
                }
            }
            md.append('\n');
        }
    }

    private static void appendRow(StringBuilder md, String name, JsonObject row, JsonObject direct, boolean stream) {
        boolean isDirect = row == direct;
        md.append("| ").append(name).append(" | ").append(Report.num(Report.rps(row)));
        if (!isDirect) {
            md.append(" (").append(Report.ratio(Report.rps(row), Report.rps(direct))).append(')');
        }
        md.append(" |");
        for (String p : new String[]{"p50", "p90", "p99", "p999"}) {
            latency(md, row, direct, "latencyMs", p, isDirect);
        }
        if (stream) {
            latency(md, row, direct, "firstByteMs", "p50", isDirect);
            latency(md, row, direct, "firstByteMs", "p99", isDirect);
        }
        double gateway = ResultSet.cpuPer1k(row, "gateway");
        double nginx = ResultSet.cpuPer1k(row, "nginx");
        double lb = ResultSet.cpuPer1k(row, "lb");
        String cpu = !Double.isNaN(gateway) ? Report.num(gateway) + (Double.isNaN(lb) ? "" : " + LB " + Report.num(lb))
                : Report.num(nginx);
        double rss = !Double.isNaN(gateway) ? ResultSet.rssMaxMb(row, "gateway") : ResultSet.rssMaxMb(row, "nginx");
        md.append(' ').append(cpu).append(" | ").append(Report.num(rss)).append(" | ")
                .append(Report.num(ResultSet.redisScriptsPerRequest(row))).append(" / ")
                .append(Report.num(ResultSet.redisPerRequest(row))).append(" | ")
                .append(ResultSet.errors(row)).append(" |\n");
    }

    private static void latency(StringBuilder md, JsonObject row, JsonObject direct, String which, String p,
                                boolean isDirect) {
        double v = ResultSet.latency(row, which, p);
        md.append(' ').append(Report.num(v));
        if (!isDirect) {
            md.append(" (").append(Report.signed(v - ResultSet.latency(direct, which, p))).append(')');
        }
        md.append(" |");
    }
}
