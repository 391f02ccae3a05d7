package sluice.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** "What the profile shows": the JFR summary of replica 1 under load, when one was recorded. */
final class ProfileSection {
    private ProfileSection() {
    }

    static void append(StringBuilder md, ResultSet results) {
        JsonObject p = results.profile();
        if (p == null) {
            return;
        }
        md.append("## What the profile shows\n\n")
                .append(String.format("Java Flight Recorder (`settings=profile`) on replica 1 during a separate %s run; ",
                        p.getString("label")))
                .append(String.format("%d CPU samples, %.0f MB allocated (sampled estimate), %d GCs with %.0f ms of pauses.\n\n",
                        p.getInteger("cpuSamples"), p.getDouble("allocatedMb"), p.getInteger("gcCount"),
                        p.getDouble("gcPauseMs")))
                .append("CPU samples by area (each sample charged to the innermost frame of a known area):\n\n");
        table(md, "area", p.getJsonArray("areas"));
        md.append("Hottest methods (self time, top frame):\n\n");
        table(md, "method", p.getJsonArray("selfTop"));
        md.append("Sluice methods on the stack (inclusive):\n\n");
        table(md, "method", p.getJsonArray("inclusiveTopSluice"));
        md.append("Libraries on the stack (inclusive):\n\n");
        table(md, "method", p.getJsonArray("inclusiveTopLibraries"));
        md.append("Largest allocation sites (first non-JDK frame → class):\n\n");
        table(md, "site", p.getJsonArray("allocationTop"));
    }

    private static void table(StringBuilder md, String what, JsonArray rows) {
        md.append("| ").append(what).append(" | share |\n|---|---|\n");
        for (int i = 0; i < rows.size(); i++) {
            JsonObject r = rows.getJsonObject(i);
            md.append("| `").append(r.getString("name")).append("` | ")
                    .append(String.format("%.1f %%", r.getDouble("percent"))).append(" |\n");
        }
        md.append('\n');
    }
}
