package sluice.bench;

import io.vertx.core.json.JsonObject;

import java.util.List;

/** The "What fast means here" targets, each with what was measured and a verdict. */
final class Targets {
    private Targets() {
    }

    static void append(StringBuilder md, ResultSet results) {
        md.append("## Targets\n\n")
                .append("From DESIGN.md, \"What fast means here\" (zero upstream latency, 64 clients). ")
                .append("Reported, never asserted; indicative on this machine.\n\n")
                .append("| target | measured | verdict |\n|---|---|---|\n");
        for (boolean stream : new boolean[]{false, true}) {
            ResultSet.Cell cell = new ResultSet.Cell("0", stream, 64);
            JsonObject direct = results.overhead("direct", cell);
            JsonObject one = results.overhead("sluice-1", cell);
            JsonObject nginx = results.overhead("nginx", cell);
            String kind = stream ? "streaming" : "non-streaming";
            String which = stream ? "firstByteMs" : "latencyMs";
            String what = stream ? "to first byte" : "";
            double p50 = ResultSet.latency(one, which, "p50") - ResultSet.latency(direct, which, "p50");
            double p99 = ResultSet.latency(one, which, "p99") - ResultSet.latency(direct, which, "p99");
            row(md, "added p50 " + what + " ≤ 1 ms (" + kind + ", Sluice ×1 vs direct)",
                    ms(p50), verdict(p50, 1.0, "ms"));
            row(md, "added p99 " + what + " ≤ 5 ms (" + kind + ", Sluice ×1 vs direct)",
                    ms(p99), verdict(p99, 5.0, "ms"));
            double share = Report.rps(one) / Report.rps(nginx);
            row(md, "throughput of one replica ≥ nginx (" + kind + ")",
                    Report.num(Report.rps(one)) + " vs " + Report.num(Report.rps(nginx)) + " req/s",
                    Double.isNaN(share) ? "not measured" : share >= 1 ? "**met** (" + pct(share) + " of nginx)"
                            : "**missed**: " + pct(share) + " of nginx (" + pct(1 - share) + " short)");
        }
        JsonObject probe = results.probe();
        if (probe == null) {
            row(md, "≤ 2 Redis round trips before the upstream call", "—", "not measured");
        } else {
            // the request's own round trips are its script calls; the probe window also catches
            // periodic background reads (health sync, readiness) that no request waits for
            double before = probe.getDouble("beforeUpstream");
            JsonObject perRequest = probe.getJsonObject("beforeUpstreamPerRequest");
            double scripts = Math.round(perRequest.getDouble("evalsha", before) * 100) / 100.0;
            double trips = probe.getDouble("roundTripsBeforeUpstream", scripts); // older probes: one per script
            row(md, "≤ 2 Redis round trips before the upstream call",
                    Report.num(trips) + " round trips per request, " + Report.num(scripts)
                            + " EVALSHA (all commands in the window: " + Report.num(before) + " "
                            + perRequest.encode() + ")",
                    trips <= 2 ? "**met**" : "**missed** by " + Report.num(trips - 2));
        }
        overshoot(md, results.rows("overshoot", null));
        Scale.verdict(md, results.rows("load", "scale"));
        md.append('\n');
    }

    private static void overshoot(StringBuilder md, List<JsonObject> rows) {
        long shared429 = 0;
        double minUtilisation = Double.NaN;
        int sharedRuns = 0;
        for (JsonObject r : rows) {
            if ("shared".equals(r.getJsonObject("tags").getString("quotaMode"))) {
                sharedRuns++;
                shared429 += r.getLong("upstream429");
                double u = OtherTables.utilisation(r);
                minUtilisation = Double.isNaN(minUtilisation) ? u : Math.min(minUtilisation, u);
            }
        }
        if (sharedRuns == 0) {
            row(md, "overshoot: 0 upstream 429, ≥ 95 % quota used (shared mode)", "—", "not measured");
            return;
        }
        String measured = shared429 + " upstream 429s, lowest utilisation " + Report.num(minUtilisation) + " %";
        boolean met = shared429 == 0 && minUtilisation >= 95;
        row(md, "overshoot: 0 upstream 429, ≥ 95 % quota used (shared mode)", measured,
                met ? "**met**" : "**missed**" + (shared429 > 0 ? ": " + shared429 + " 429s" : "")
                        + (minUtilisation < 95 ? ": " + Report.num(95 - minUtilisation) + " points under 95 %" : ""));
    }

    static void row(StringBuilder md, String target, String measured, String verdict) {
        md.append("| ").append(target).append(" | ").append(measured).append(" | ").append(verdict).append(" |\n");
    }

    private static String ms(double v) {
        return Double.isNaN(v) ? "—" : Report.signed(v) + " ms";
    }

    private static String verdict(double v, double limit, String unit) {
        if (Double.isNaN(v)) {
            return "not measured";
        }
        return v <= limit ? "**met**" : "**missed** by " + Report.num(v - limit) + " " + unit;
    }

    private static String pct(double share) {
        return String.format("%.0f %%", share * 100);
    }
}
