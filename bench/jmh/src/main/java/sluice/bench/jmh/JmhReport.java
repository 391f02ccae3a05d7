package sluice.bench.jmh;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Turns JMH's JSON results ({@code -rf json}) into the markdown table of docs/benchmarks.md:
 * one row per benchmark and parameter set, time per operation with its error, and bytes
 * allocated per operation (from {@code -prof gc}). Usage: {@code JmhReport jmh.json}.
 */
public final class JmhReport {
    private JmhReport() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: JmhReport results.json");
            System.exit(2);
        }
        JsonArray runs = new JsonArray(Files.readString(Path.of(args[0]), StandardCharsets.UTF_8));
        StringBuilder md = new StringBuilder();
        md.append("| benchmark | case | time per op | ± (99.9 %) | allocated per op |\n");
        md.append("|---|---|---:|---:|---:|\n");
        for (int i = 0; i < runs.size(); i++) {
            md.append(row(runs.getJsonObject(i))).append('\n');
        }
        System.out.print(md);
    }

    private static String row(JsonObject run) {
        String name = run.getString("benchmark").replace("sluice.bench.jmh.", "");
        JsonObject params = run.getJsonObject("params", new JsonObject());
        String cases = params.isEmpty() ? "" : params.stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
        JsonObject primary = run.getJsonObject("primaryMetric");
        String unit = primary.getString("scoreUnit");
        double score = primary.getDouble("score");
        Object error = primary.getValue("scoreError");
        JsonObject secondary = run.getJsonObject("secondaryMetrics", new JsonObject());
        JsonObject alloc = secondary.getJsonObject("gc.alloc.rate.norm");
        String allocated = alloc == null ? "—" : String.format(Locale.ROOT, "%,.0f B", alloc.getDouble("score"));
        return "| `" + name + "` | " + cases + " | " + time(score, unit) + " | "
                + (error instanceof Number n && !Double.isNaN(n.doubleValue()) ? time(n.doubleValue(), unit) : "—")
                + " | " + allocated + " |";
    }

    /** JMH's ns/op shown in the unit that reads best. */
    private static String time(double value, String unit) {
        if (!"ns/op".equals(unit)) {
            return String.format(Locale.ROOT, "%,.3f %s", value, unit);
        }
        if (value >= 1_000_000) {
            return String.format(Locale.ROOT, "%,.2f ms", value / 1_000_000);
        }
        if (value >= 1_000) {
            return String.format(Locale.ROOT, "%,.2f µs", value / 1_000);
        }
        return String.format(Locale.ROOT, "%,.1f ns", value);
    }
}
