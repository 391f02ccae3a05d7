package sluice.quota;

/**
 * The shared quota store (Redis) did not answer in time or refused the connection. Raised quickly
 * (every call is bounded by a deadline); the caller applies the configured policy (ADR 0003).
 */
public class QuotaStoreUnavailableException extends QuotaException {
    public QuotaStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
