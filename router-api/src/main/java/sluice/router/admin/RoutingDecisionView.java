package sluice.router.admin;

import io.vertx.core.json.JsonArray;
import sluice.keystore.RoutingDecision;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One routing decision as the admin API shows it: the request, its class and route reason, the
 * provider/model/key that answered last (a key id, never a secret) and every upstream call.
 *
 * @param attemptLog each upstream call: provider, model, key, status, latency_ms, outcome
 */
public record RoutingDecisionView(String requestId, Instant at, String tenant, String taskClass, String routeReason,
                                  String provider, String model, String key, int status, int attempts,
                                  List<Map<String, Object>> attemptLog, int latencyMs) {

    @SuppressWarnings("unchecked")
    static RoutingDecisionView of(RoutingDecision d) {
        List<Map<String, Object>> calls = d.attemptLog() == null ? List.of()
                : (List<Map<String, Object>>) (List<?>) new JsonArray(d.attemptLog()).getList();
        return new RoutingDecisionView(d.requestId(), d.occurredAt(), d.tenantId(), d.taskClass(), d.routeReason(),
                d.providerId(), d.model(), d.keyId(), d.status(), d.attempts(), calls, d.latencyMs());
    }
}
