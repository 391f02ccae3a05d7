package sluice.router.routing;

/**
 * An error the gateway answers itself, before any dialect renders it: the HTTP status, a short
 * machine code, the offending field (or null) and a message safe to show to the client.
 */
public record GatewayError(int status, String code, String param, String message) {

    public static GatewayError invalidRequest(String param, String message) {
        return new GatewayError(400, "invalid_request", param, message);
    }

    /** A fault inside the gateway: never a stack trace, always the request id to quote. */
    public static GatewayError internal(String requestId) {
        return new GatewayError(500, "internal_error", null,
                "The gateway failed to handle the request (request id " + requestId + ").");
    }

    /** A stream whose first bytes already reached the client broke. */
    public static GatewayError streamInterrupted(String message) {
        return new GatewayError(502, "upstream_stream_interrupted", null, message);
    }
}
