package sluice.router.routing;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Writes the gateway's own answers (errors, decision headers) in the client's dialect. The
 * headers are the same for every dialect; the bodies are the dialect's.
 */
public final class ClientResponses {
    public static final String PROVIDER = "x-sluice-provider";
    public static final String KEY = "x-sluice-key";
    public static final String MODEL = "x-sluice-model";
    public static final String ATTEMPTS = "x-sluice-attempts";
    public static final String REQUEST_ID = "x-request-id";
    public static final String TASK_CLASS = "x-sluice-task-class";
    public static final String ROUTE_REASON = "x-sluice-route-reason";

    private ClientResponses() {
    }

    public static void error(RoutingContext ctx, ClientDialect dialect, GatewayError error) {
        error(ctx.response(), dialect, error);
    }

    public static void error(HttpServerResponse response, ClientDialect dialect, GatewayError error) {
        if (response.ended() || response.closed()) {
            return;
        }
        if (response.headWritten()) {
            response.end();
            return;
        }
        response.setStatusCode(error.status())
                .putHeader("content-type", "application/json")
                .end(dialect.error(error).toBuffer());
    }

    /**
     * Every provider and key was tried and none answered: 429 with the earliest retry time when
     * all were rate limited, else 503; the body lists what was tried.
     */
    public static void allFailed(RoutingContext ctx, ClientDialect dialect, AttemptLog log) {
        HttpServerResponse response = ctx.response();
        if (response.ended() || response.closed()) {
            return;
        }
        response.putHeader(ATTEMPTS, Integer.toString(log.upstreamCalls()));
        boolean rateLimited = log.failureStatus() == 429;
        if (rateLimited) {
            long waitMs = Math.max(1, log.earliestRetryAt() - System.currentTimeMillis());
            response.putHeader("retry-after", Long.toString((waitMs + 999) / 1000));
            response.putHeader("retry-after-ms", Long.toString(waitMs));
        }
        response.setStatusCode(rateLimited ? 429 : 503).putHeader("content-type", "application/json")
                .end(allFailedBody(dialect, log));
    }

    /** The body of {@link #allFailed}: the dialect's error whose message and {@code attempts} list what was tried. */
    public static Buffer allFailedBody(ClientDialect dialect, AttemptLog log) {
        boolean rateLimited = log.failureStatus() == 429;
        String message = (rateLimited
                ? "All upstream keys are rate limited; retry later. Tried: "
                : "No upstream provider could serve the request. Tried: ") + log.summary();
        GatewayError error = rateLimited
                ? new GatewayError(429, "rate_limit_exceeded", null, message)
                : new GatewayError(503, "upstream_unavailable", null, message);
        JsonObject body = dialect.error(error);
        body.getJsonObject("error").put("attempts", log.toJson());
        return body.toBuffer();
    }

    /** A fault inside the gateway: a clear error, never a stack trace or a hang. */
    public static void internalError(RoutingContext ctx, ClientDialect dialect, String requestId) {
        GatewayError error = GatewayError.internal(requestId);
        if (ctx.response().headWritten()) {
            endStreamWithError(ctx.response(), dialect, error.message());
        } else {
            error(ctx, dialect, error);
        }
    }

    /**
     * An answer that broke: a stream whose first byte reached the client ends with the dialect's
     * error event; one whose head was not sent yet gets a whole 502 error instead.
     */
    public static void endStreamWithError(HttpServerResponse response, ClientDialect dialect, String message) {
        GatewayError error = GatewayError.streamInterrupted(message);
        if (!response.headWritten()) {
            error(response, dialect, error);
        } else if (!response.ended() && !response.closed()) {
            response.end(dialect.streamError(error));
        }
    }
}
