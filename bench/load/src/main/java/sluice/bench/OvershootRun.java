package sluice.bench;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The overshoot benchmark: many clients against gateways whose keys carry the same limits as
 * the simulator enforces. The simulator is reset first; afterwards its own records say how many
 * requests it refused with a rate-limit 429 (the overshoot) and the most it admitted on each key
 * in any 60 s window (the utilisation of the quota).
 */
final class OvershootRun {
    private OvershootRun() {
    }

    static JsonObject run(Vertx vertx, Args args) throws Exception {
        String sim = LoadSpec.requireLoopback(args.string("sim"));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        int reset = http.send(HttpRequest.newBuilder(URI.create(sim + "/_sim/reset"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        if (reset != 204) {
            throw new IllegalStateException("provider-sim reset answered " + reset);
        }
        LoadSpec spec = LoadSpec.from(args);
        JsonObject load;
        try (WindowProbes probes = new WindowProbes(new ProcessSampler(args.all("proc"), 100), null)) {
            load = new LoadRun(vertx, spec).run(probes);
        }
        String body = http.send(HttpRequest.newBuilder(URI.create(sim + "/_sim/stats")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        JsonObject keys = new JsonObject(body).getJsonObject("keys");
        JsonObject perKey = new JsonObject();
        long upstream429 = 0;
        double utilisationSum = 0;
        for (String key : keys.fieldNames()) {
            JsonObject k = keys.getJsonObject(key);
            if (k.getJsonObject("limits").getLong("rpm", 0L) == 0) {
                continue; // a key without an rpm limit (the bench's client key, for direct calls) has no quota to use
            }
            JsonObject rejected = k.getJsonObject("rejected");
            long limited = rejected.getLong("rpm", 0L) + rejected.getLong("tpm", 0L)
                    + rejected.getLong("concurrency", 0L) + rejected.getLong("rpd", 0L);
            long rpm = k.getJsonObject("limits").getLong("rpm", 0L);
            long max = k.getLong("maxRequestsInAnyWindow", 0L);
            double utilisation = rpm == 0 ? 0 : 100.0 * max / rpm;
            upstream429 += limited;
            utilisationSum += utilisation;
            perKey.put(key, new JsonObject().put("rpmLimit", rpm).put("accepted", k.getLong("accepted", 0L))
                    .put("upstream429", limited).put("maxRequestsInAnyWindow", max)
                    .put("utilisationPercent", utilisation));
        }
        return load.put("type", "overshoot")
                .put("upstream429", upstream429)
                .put("utilisationPercent", perKey.isEmpty() ? 0 : utilisationSum / perKey.size())
                .put("keys", perKey);
    }
}
