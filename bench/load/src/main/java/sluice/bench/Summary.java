package sluice.bench;

import io.vertx.core.json.JsonObject;

/** One readable console line per result. */
final class Summary {
    private Summary() {
    }

    static String line(JsonObject r) {
        if ("profile".equals(r.getString("type"))) {
            return String.format("%-28s %d CPU samples; by area %s", r.getString("label"), r.getInteger("cpuSamples"),
                    r.getJsonArray("areas").encode());
        }
        if ("probe".equals(r.getString("type"))) {
            return String.format("%-28s redis round trips per request: %.2f before upstream %s, %.2f after %s; "
                            + "background/s %s, pings/s %.1f", r.getString("label"), r.getDouble("beforeUpstream"),
                    r.getJsonObject("beforeUpstreamPerRequest").encode(), r.getDouble("afterUpstream"),
                    r.getJsonObject("afterUpstreamPerRequest").encode(), String.valueOf(r.getValue("backgroundPerSecond")),
                    r.getDouble("pingsPerSecond"));
        }
        JsonObject lat = r.getJsonObject("latencyMs");
        StringBuilder b = new StringBuilder(String.format("%-28s %9.1f req/s  p50 %7.2f  p90 %7.2f  p99 %7.2f  p99.9 %7.2f ms",
                r.getString("label"), r.getDouble("rps"), lat.getDouble("p50"), lat.getDouble("p90"),
                lat.getDouble("p99"), lat.getDouble("p999")));
        if (r.getBoolean("stream", false)) {
            JsonObject first = r.getJsonObject("firstByteMs");
            b.append(String.format("  ttfb p50 %.2f p99 %.2f", first.getDouble("p50"), first.getDouble("p99")));
        }
        b.append(String.format("  ok %d 429 %d err %d", r.getLong("ok"), r.getLong("rateLimited"),
                r.getLong("httpErrors") + r.getLong("failures") + r.getLong("incomplete")));
        JsonObject processes = r.getJsonObject("processes", new JsonObject());
        for (String group : processes.fieldNames()) {
            JsonObject g = processes.getJsonObject(group);
            b.append(String.format("  %s %.3f cpu-s/1k rss %.0f MB", group, g.getDouble("cpuSecondsPer1k"),
                    g.getDouble("rssMaxMb")));
        }
        JsonObject redis = r.getJsonObject("redis");
        if (redis != null && redis.containsKey("perRequest")) {
            b.append(String.format("  redis %.2f scripts/req (%.1f cmds incl. in scripts)",
                    redis.getDouble("scriptsPerRequest"), redis.getDouble("perRequest")));
        }
        if ("overshoot".equals(r.getString("type"))) {
            b.append(String.format("  upstream429 %d utilisation %.1f%%", r.getLong("upstream429"),
                    r.getDouble("utilisationPercent")));
        }
        if (!r.getJsonArray("errorSamples").isEmpty()) {
            b.append("\n    e.g. ").append(r.getJsonArray("errorSamples").getString(0));
        }
        return b.toString();
    }
}
