package sluice.router.openai;

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
 */
public record ChatRequest(JsonObject body, String model, boolean stream, boolean includeUsage,
                          Integer maxTokens, List<String> messageTexts) {
}
