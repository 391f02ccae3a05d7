package sluice.quota;

import java.util.Objects;

/**
 * One request asking to be sent on one provider key.
 *
 * @param keyId           the provider key's id (never its secret)
 * @param limits          the key's limits as the caller knows them now (limits travel with each
 *                        call, so a change applies on every replica at once)
 * @param estimatedTokens prompt + completion tokens to reserve until {@code reconcile}
 * @param requestId       the gateway's request id, kept in the reservation for logs
 * @param leaseTtlMillis  how long the concurrency lease lives unless renewed or released
 */
public record AdmissionRequest(String keyId, KeyLimits limits, long estimatedTokens, String requestId,
                               long leaseTtlMillis) {
    public AdmissionRequest {
        if (keyId == null || keyId.isBlank()) {
            throw new IllegalArgumentException("keyId is blank");
        }
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(requestId, "requestId");
        if (estimatedTokens < 0) {
            throw new IllegalArgumentException("estimatedTokens < 0: " + estimatedTokens);
        }
        if (leaseTtlMillis <= 0) {
            throw new IllegalArgumentException("leaseTtlMillis must be > 0: " + leaseTtlMillis);
        }
    }
}
