package sluice.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/** Redis round trips (MONITOR probe) and the overshoot benchmark. */
final class OtherTables {
    private OtherTables() {
    }

    static void appendProbe(StringBuilder md, ResultSet results) {
        JsonObject probe = results.probe();
        if (probe == null) {
            return;
        }
        md.append("## Redis round trips per request\n\n")
                .append(String.format("Watched with `MONITOR` while %d requests went one at a time through one replica, ",
                        probe.getInteger("requests")))
                .append(String.format("upstream answering after %d ms: commands in the first half of that delay ",
                        probe.getLong("upstreamLatencyMs")))
                .append("came before the upstream call. Commands run inside Lua scripts are not round trips ")
                .append("and are not counted; background commands (measured between requests) are subtracted; ")
                .append("PINGs, the Redis client's per-connection keep-alive that no request waits for, are counted apart. ")
                .append("Commands pipelined in one write reach Redis as one burst on one connection: a script counts as a new ")
                .append("round trip unless it came on the same connection as the request's previous script and within ")
                .append(RedisRoundTripProbe.BURST_MICROS).append(" µs of the line before it in the feed (that script's last ")
                .append("step, indented below); background scripts expected in the window are subtracted.\n\n")
                .append("| | per request | by command |\n|---|---|---|\n")
                .append("| round trips before the upstream call | ")
                .append(Report.num(probe.getDouble("roundTripsBeforeUpstream", Double.NaN))).append(" | |\n")
                .append("| before the upstream call | ").append(Report.num(probe.getDouble("beforeUpstream")))
                .append(" | `").append(probe.getJsonObject("beforeUpstreamPerRequest").encode()).append("` |\n")
                .append("| after it (reconcile, release) | ").append(Report.num(probe.getDouble("afterUpstream")))
                .append(" | `").append(probe.getJsonObject("afterUpstreamPerRequest").encode()).append("` |\n")
                .append("| background between requests, per second | | `")
                .append(String.valueOf(probe.getValue("backgroundPerSecond"))).append("` |\n")
                .append("| keep-alive PINGs, per second (all replicas running) | ")
                .append(Report.num(probe.getDouble("pingsPerSecond", Double.NaN))).append(" | |\n\n")
                .append("The first watched request, command by command (time since it was sent):\n\n```\n");
        JsonArray first = probe.getJsonArray("firstRequest");
        for (int i = 0; i < first.size(); i++) {
            md.append(first.getString(i)).append('\n');
        }
        md.append("```\n\n");
    }

    static void appendOvershoot(StringBuilder md, ResultSet results) {
        List<JsonObject> rows = results.rows("overshoot", null);
        if (rows.isEmpty()) {
            return;
        }
        JsonObject first = rows.get(0);
        md.append("## Overshoot\n\n")
                .append(String.format("%d clients, closed loop, for %.0f s per run; the simulator enforces on each key ",
                        first.getInteger("concurrency"), first.getDouble("durationSeconds")))
                .append("exactly the limits the gateways are configured with. Upstream 429s are the requests the ")
                .append("simulator refused for a rate limit (the overshoot); utilisation is the most it admitted on ")
                .append("a key in any 60 s window over that key's limit, averaged over the keys. `local` is the ")
                .append("deliberately naive contrast: each replica counts alone.\n\n")
                .append("| quota mode | replicas | keys | upstream 429s | utilisation | per key (max in 60 s / limit) ")
                .append("| client 200s | client 429s | other failures |\n|---|---|---|---|---|---|---|---|---|\n");
        for (JsonObject r : rows) {
            JsonObject tags = r.getJsonObject("tags");
            JsonObject keys = limitedKeys(r.getJsonObject("keys"));
            String perKey = perKey(keys);
            md.append("| ").append(tags.getString("quotaMode")).append(" | ").append(tags.getString("replicas"))
                    .append(" | ").append(keys.size()).append(" | ").append(r.getLong("upstream429"))
                    .append(" | ").append(Report.num(utilisation(r))).append(" % | ")
                    .append(perKey).append(" | ").append(r.getLong("ok")).append(" | ")
                    .append(r.getLong("rateLimited")).append(" | ")
                    .append(r.getLong("httpErrors") + r.getLong("failures") + r.getLong("incomplete")).append(" |\n");
        }
        md.append('\n');
    }

    /** Each key's most in any 60 s over its limit; for many keys the lowest and the highest. */
    private static String perKey(JsonObject keys) {
        if (keys.size() <= 3) {
            StringBuilder listed = new StringBuilder();
            for (String key : keys.fieldNames()) {
                JsonObject k = keys.getJsonObject(key);
                listed.append(listed.length() == 0 ? "" : ", ").append(k.getLong("maxRequestsInAnyWindow"))
                        .append('/').append(k.getLong("rpmLimit"));
            }
            return listed.toString();
        }
        JsonObject low = null;
        JsonObject high = null;
        for (String key : keys.fieldNames()) {
            JsonObject k = keys.getJsonObject(key);
            double used = (double) k.getLong("maxRequestsInAnyWindow") / k.getLong("rpmLimit");
            if (low == null || used < (double) low.getLong("maxRequestsInAnyWindow") / low.getLong("rpmLimit")) {
                low = k;
            }
            if (high == null || used > (double) high.getLong("maxRequestsInAnyWindow") / high.getLong("rpmLimit")) {
                high = k;
            }
        }
        return "lowest " + low.getLong("maxRequestsInAnyWindow") + "/" + low.getLong("rpmLimit") + ", highest "
                + high.getLong("maxRequestsInAnyWindow") + "/" + high.getLong("rpmLimit");
    }

    /** @return the mean over the keys with an rpm limit of the most admitted in any 60 s ÷ the limit, in % */
    static double utilisation(JsonObject overshootRow) {
        JsonObject keys = limitedKeys(overshootRow.getJsonObject("keys"));
        double sum = 0;
        for (String key : keys.fieldNames()) {
            JsonObject k = keys.getJsonObject(key);
            sum += 100.0 * k.getLong("maxRequestsInAnyWindow") / k.getLong("rpmLimit");
        }
        return keys.isEmpty() ? 0 : sum / keys.size();
    }

    /**
     * The keys with an rpm limit: results written before the load tool left unlimited keys out
     * (the bench's client key, known to the simulator for direct calls) averaged them in as 0 %.
     */
    private static JsonObject limitedKeys(JsonObject keys) {
        JsonObject limited = new JsonObject();
        for (String key : keys.fieldNames()) {
            if (keys.getJsonObject(key).getLong("rpmLimit", 0L) > 0) {
                limited.put(key, keys.getJsonObject(key));
            }
        }
        return limited;
    }
}
