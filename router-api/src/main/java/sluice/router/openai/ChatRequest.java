package sluice.router.openai;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * A validated OpenAI Chat Completions request: the original JSON (passed upstream with only
 * the model and stream options changed) plus what admission and routing need from it.
 *
 * @param body          the request as the client sent it
 * @param model         the requested model, or null
 * @param stream        whether the client asked for server-sent events
 * @param includeUsage  whether the client asked for the usage chunk in a stream
 * @param maxTokens     {@code max_tokens} / {@code max_completion_tokens}, or null
 * @param messageTexts  each message's text, for token counting
 * @param raw           the body's bytes as the client sent them (forwarded when nothing must
 *                      change), or null when the request was not read from OpenAI JSON
 */
public record ChatRequest(JsonObject body, String model, boolean stream, boolean includeUsage,
                          Integer maxTokens, List<String> messageTexts, Buffer raw) {

    /** A request built from a parsed body only (no original bytes to forward). */
    public ChatRequest(JsonObject body, String model, boolean stream, boolean includeUsage,
                       Integer maxTokens, List<String> messageTexts) {
        this(body, model, stream, includeUsage, maxTokens, messageTexts, null);
    }
}
