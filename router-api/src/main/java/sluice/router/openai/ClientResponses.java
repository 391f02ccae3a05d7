package sluice.router.openai;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import sluice.router.routing.AttemptLog;

/** Writes the gateway's own answers (errors, decision headers) in OpenAI's format. */
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

    public static void error(RoutingContext ctx, OpenAiError error) {
        error(ctx.response(), error);
    }

    public static void error(HttpServerResponse response, OpenAiError error) {
        if (response.ended() || response.closed()) {
            return;
        }
        if (response.headWritten()) {
            response.end();
            return;
        }
        response.setStatusCode(error.status())
                .putHeader("content-type", "application/json")
                .end(error.body());
    }

    /**
     * Every provider and key was tried and none answered: 429 with the earliest retry time when
     * all were rate limited, else 503; the body lists what was tried.
     */
    public static void allFailed(RoutingContext ctx, AttemptLog log) {
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
                .end(allFailedBody(log));
    }

    /** The body of {@link #allFailed}: an OpenAI error whose message and {@code attempts} list what was tried. */
    public static Buffer allFailedBody(AttemptLog log) {
        boolean rateLimited = log.failureStatus() == 429;
        String message = (rateLimited
                ? "All upstream keys are rate limited; retry later. Tried: "
                : "No upstream provider could serve the request. Tried: ") + log.summary();
        OpenAiError error = rateLimited
                ? new OpenAiError(429, "rate_limit_error", "rate_limit_exceeded", null, message)
                : new OpenAiError(503, "api_error", "upstream_unavailable", null, message);
        JsonObject body = error.toJson();
        body.getJsonObject("error").put("attempts", log.toJson());
        return body.toBuffer();
    }

    /** A fault inside the gateway: a clear error, never a stack trace or a hang. */
    public static void internalError(RoutingContext ctx, String requestId) {
        OpenAiError error = new OpenAiError(500, "api_error", "internal_error", null,
                "The gateway failed to handle the request (request id " + requestId + ").");
        if (ctx.response().headWritten()) {
            endStreamWithError(ctx.response(), error.message());
        } else {
            error(ctx, error);
        }
    }

    /** A stream that broke after its first byte reached the client ends with an error event. */
    public static void endStreamWithError(HttpServerResponse response, String message) {
        if (response.ended() || response.closed()) {
            return;
        }
        OpenAiError error = new OpenAiError(502, "api_error", "upstream_stream_interrupted", null, message);
        response.end("data: " + error.body() + "\n\n");
    }
}
