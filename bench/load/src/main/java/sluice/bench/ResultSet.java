package sluice.bench;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The JSON lines of one bench session, with look-ups by scenario, target and cell. */
final class ResultSet {
    /** Targets of the overhead scenario, in table order. */
    static final List<String> TARGETS = List.of("direct", "nginx", "sluice-1", "sluice-3");
    static final List<String> TARGET_NAMES = List.of("direct to sim", "nginx → sim", "Sluice ×1",
            "Sluice ×3 behind nginx");

    /** One overhead cell: upstream latency, streaming or not, client count. */
    record Cell(String latencyMs, boolean stream, int concurrency) {
        String title() {
            return String.format("upstream latency %s ms, %d clients, %s", latencyMs, concurrency,
                    stream ? "streaming" : "non-streaming");
        }

        String shortName() {
            return String.format("%sms %s c%d", latencyMs, stream ? "stream" : "plain", concurrency);
        }
    }

    private final List<JsonObject> rows = new ArrayList<>();

    /** Reads every {@code *.jsonl} of a results folder (one file per scenario, latest run). */
    static ResultSet read(Path folder) throws IOException {
        ResultSet set = new ResultSet();
        List<Path> files;
        try (var listing = Files.list(folder)) {
            files = listing.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
        }
        for (Path file : files) {
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank()) {
                    set.rows.add(new JsonObject(line));
                }
            }
        }
        return set;
    }

    List<JsonObject> rows(String type, String scenario) {
        List<JsonObject> out = new ArrayList<>();
        for (JsonObject r : rows) {
            if (type.equals(r.getString("type"))
                    && (scenario == null || scenario.equals(r.getJsonObject("tags", new JsonObject()).getString("scenario")))) {
                out.add(r);
            }
        }
        return out;
    }

    /** Overhead cells in the order they were run. */
    List<Cell> cells() {
        Set<Cell> cells = new LinkedHashSet<>();
        for (JsonObject r : rows("load", "overhead")) {
            cells.add(cellOf(r));
        }
        return new ArrayList<>(cells);
    }

    static Cell cellOf(JsonObject r) {
        return new Cell(r.getJsonObject("tags").getString("latencyMs", "0"), r.getBoolean("stream"),
                r.getInteger("concurrency"));
    }

    /** The overhead row of a target in a cell (the last one if repeated), or null. */
    JsonObject overhead(String target, Cell cell) {
        JsonObject found = null;
        for (JsonObject r : rows("load", "overhead")) {
            if (target.equals(r.getJsonObject("tags").getString("target")) && cellOf(r).equals(cell)) {
                found = r;
            }
        }
        return found;
    }

    JsonObject probe() {
        List<JsonObject> probes = rows("probe", null);
        return probes.isEmpty() ? null : probes.get(probes.size() - 1);
    }

    static double latency(JsonObject row, String which, String percentile) {
        return row == null ? Double.NaN : row.getJsonObject(which).getDouble(percentile);
    }

    /** CPU seconds per 1,000 requests of a process group in a row, NaN when not measured. */
    static double cpuPer1k(JsonObject row, String group) {
        JsonObject g = row == null ? null : row.getJsonObject("processes", new JsonObject()).getJsonObject(group);
        return g == null ? Double.NaN : g.getDouble("cpuSecondsPer1k");
    }

    static double rssMaxMb(JsonObject row, String group) {
        JsonObject g = row == null ? null : row.getJsonObject("processes", new JsonObject()).getJsonObject(group);
        return g == null ? Double.NaN : g.getDouble("rssMaxMb");
    }

    static double redisPerRequest(JsonObject row) {
        JsonObject redis = row == null ? null : row.getJsonObject("redis");
        return redis == null || !redis.containsKey("perRequest") ? Double.NaN : redis.getDouble("perRequest");
    }

    static double redisScriptsPerRequest(JsonObject row) {
        JsonObject redis = row == null ? null : row.getJsonObject("redis");
        return redis == null || !redis.containsKey("scriptsPerRequest") ? Double.NaN : redis.getDouble("scriptsPerRequest");
    }

    JsonObject profile() {
        List<JsonObject> profiles = rows("profile", null);
        return profiles.isEmpty() ? null : profiles.get(profiles.size() - 1);
    }

    static long errors(JsonObject row) {
        return row.getLong("httpErrors") + row.getLong("failures") + row.getLong("incomplete") + row.getLong("rateLimited");
    }
}
