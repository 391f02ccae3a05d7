package sluice.router.anthropic;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import sluice.router.routing.Call;
import sluice.router.routing.ClientDialect;
import sluice.router.routing.GatewayError;
import sluice.router.upstream.StreamRewriter;

/**
 * Clients of the Anthropic Messages API (Claude Code, the Anthropic SDKs): answers of the
 * OpenAI-compatible upstreams are rewritten as Messages answers and stream events, and every
 * error is Anthropic's {@code {"type":"error","error":{"type","message"}}} with the type its
 * SDKs map from the status.
 */
public final class AnthropicDialect implements ClientDialect {
    public static final AnthropicDialect INSTANCE = new AnthropicDialect();
    /** A provider's error that is not JSON (an HTML page, say) is quoted up to this length. */
    static final int MAX_QUOTED_CHARS = 1000;

    private AnthropicDialect() {
    }

    @Override
    public JsonObject error(GatewayError error) {
        return body(error.status(), error.message());
    }

    @Override
    public Buffer streamError(GatewayError error) {
        return Buffer.buffer("event: error\ndata: ").appendBuffer(error(error).toBuffer()).appendString("\n\n");
    }

    /** The provider's own message, under the type Anthropic gives the status. */
    @Override
    public Buffer refused(int status, Buffer providerBody) {
        String message = null;
        try {
            JsonObject error = new JsonObject(providerBody).getJsonObject("error");
            message = error == null ? null : error.getString("message");
        } catch (RuntimeException notJson) {
            // the body itself is the best message there is
        }
        if (message == null) {
            String text = providerBody.toString();
            message = "upstream provider refused the request (" + status + "): "
                    + (text.length() > MAX_QUOTED_CHARS ? text.substring(0, MAX_QUOTED_CHARS) + "…" : text);
        }
        return body(status, message).toBuffer();
    }

    @Override
    public Buffer completion(Buffer upstreamBody, Call call) {
        return OpenAiToAnthropic.message(new JsonObject(upstreamBody), messageId(call)).toBuffer();
    }

    @Override
    public StreamRewriter stream(Call call) {
        return new AnthropicStream(messageId(call), call.usage().estimatedPrompt());
    }

    @Override
    public String contentType(boolean stream, String upstreamContentType) {
        return stream ? "text/event-stream; charset=utf-8" : "application/json";
    }

    /** The message id: the gateway's request id, so a client's log and the ledger name the same request. */
    static String messageId(Call call) {
        return "msg_" + call.requestId().replace("-", "");
    }

    static JsonObject body(int status, String message) {
        return new JsonObject().put("type", "error")
                .put("error", new JsonObject().put("type", errorType(status)).put("message", message));
    }

    /** The error type Anthropic's API gives each status (its SDKs pick exception classes by status). */
    static String errorType(int status) {
        return switch (status) {
            case 400, 422 -> "invalid_request_error";
            case 401 -> "authentication_error";
            case 402, 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 413 -> "request_too_large";
            case 429 -> "rate_limit_error";
            case 529 -> "overloaded_error";
            default -> status >= 500 ? "api_error" : "invalid_request_error";
        };
    }
}
