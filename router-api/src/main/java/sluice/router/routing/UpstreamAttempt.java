package sluice.router.routing;

import io.vertx.core.json.JsonObject;
import sluice.router.health.CallOutcome;

/**
 * One upstream call of a request, as its ledger row keeps it.
 *
 * @param provider      the provider called
 * @param model         the upstream model asked for
 * @param keyId         the key used (its id, never the secret)
 * @param status        the HTTP status of the answer, 0 when none came
 * @param latencyMillis time until the answer's head (or the failure)
 * @param outcome       what it came to for the provider's health
 */
public record UpstreamAttempt(String provider, String model, String keyId, int status, long latencyMillis,
                              CallOutcome outcome) {

    JsonObject toJson() {
        JsonObject o = new JsonObject().put("provider", provider).put("model", model).put("key", keyId)
                .put("outcome", outcome.wireName()).put("latency_ms", latencyMillis);
        if (status > 0) {
            o.put("status", status);
        }
        return o;
    }
}
