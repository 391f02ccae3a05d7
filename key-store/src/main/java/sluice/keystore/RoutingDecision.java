package sluice.keystore;

import java.time.Instant;

/**
 * One request's routing decision as its ledger row keeps it.
 *
 * @param requestId   the gateway's request id
 * @param occurredAt  when it finished
 * @param tenantId    whose request it was
 * @param taskClass   the class the classifier gave it
 * @param routeReason why it went where it did ({@code null} for rows older than V6)
 * @param providerId  the provider of the last call ({@code null} when none was tried)
 * @param model       the model
 * @param keyId       the key id of the last call (an id, never a secret)
 * @param status      the HTTP status the client got
 * @param attempts    upstream calls made
 * @param attemptLog  every upstream call as a JSON array ({@code null} for rows older than V6)
 * @param latencyMs   the whole request's time in the gateway
 */
public record RoutingDecision(String requestId, Instant occurredAt, String tenantId, String taskClass,
                              String routeReason, String providerId, String model, String keyId, int status,
                              int attempts, String attemptLog, int latencyMs) {
}
