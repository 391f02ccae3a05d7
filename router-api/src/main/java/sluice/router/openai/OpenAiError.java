package sluice.router.openai;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/**
 * An error in OpenAI's own format: {@code {"error":{"message","type","param","code"}}}, which
 * the official SDKs turn into their typed exceptions by HTTP status.
 */
public record OpenAiError(int status, String type, String code, String param, String message) {

    public static OpenAiError invalidRequest(String param, String message) {
        return new OpenAiError(400, "invalid_request_error", "invalid_request", param, message);
    }

    public Buffer body() {
        return toJson().toBuffer();
    }

    /** The body as a JSON object, for answers that add to it before encoding it once. */
    public JsonObject toJson() {
        JsonObject error = new JsonObject()
                .put("message", message)
                .put("type", type)
                .put("param", param)
                .put("code", code);
        return new JsonObject().put("error", error);
    }
}
