package sluice.router.anthropic;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A Chat Completions answer as an Anthropic Messages answer: the first choice's reasoning,
 * text and tool calls become {@code thinking}, {@code text} and {@code tool_use} blocks, the
 * finish reason a stop reason, the usage Anthropic's (cached prompt tokens apart).
 */
public final class OpenAiToAnthropic {
    /** A tool call whose arguments are not a JSON object keeps them whole under this input key. */
    static final String UNPARSED_ARGUMENTS = "_unparsed_arguments";

    private OpenAiToAnthropic() {
    }

    /**
     * @param completion a {@code chat.completion} object
     * @param id         the message id to give the answer
     * @throws IllegalArgumentException when the completion has no choice to render
     */
    public static JsonObject message(JsonObject completion, String id) {
        JsonArray choices = completion.getJsonArray("choices");
        if (choices == null || choices.isEmpty() || !(choices.getValue(0) instanceof JsonObject choice)) {
            throw new IllegalArgumentException("the completion has no choices");
        }
        JsonObject message = choice.getJsonObject("message", new JsonObject());
        JsonArray content = new JsonArray();
        String reasoning = message.getString("reasoning_content");
        if (reasoning != null && !reasoning.isEmpty()) {
            content.add(new JsonObject().put("type", "thinking").put("thinking", reasoning).put("signature", ""));
        }
        String text = message.getString("content");
        if (text != null && !text.isEmpty()) {
            content.add(new JsonObject().put("type", "text").put("text", text));
        }
        JsonArray calls = message.getJsonArray("tool_calls");
        for (int i = 0; calls != null && i < calls.size(); i++) {
            JsonObject call = calls.getJsonObject(i);
            JsonObject function = call.getJsonObject("function", new JsonObject());
            content.add(new JsonObject().put("type", "tool_use").put("id", call.getString("id"))
                    .put("name", function.getString("name")).put("input", input(function.getString("arguments"))));
        }
        return new JsonObject().put("id", id).put("type", "message").put("role", "assistant")
                .put("model", completion.getString("model")).put("content", content)
                .put("stop_reason", stopReason(choice.getString("finish_reason")))
                .put("stop_sequence", null)
                .put("usage", usage(completion.getJsonObject("usage")));
    }

    /** A Chat Completions finish reason as an Anthropic stop reason. */
    static String stopReason(String finishReason) {
        if (finishReason == null) {
            return "end_turn";
        }
        return switch (finishReason) {
            case "length" -> "max_tokens";
            case "tool_calls", "function_call" -> "tool_use";
            case "content_filter" -> "refusal";
            default -> "end_turn";
        };
    }

    /** Anthropic counts cached prompt tokens apart from {@code input_tokens}. */
    static JsonObject usage(JsonObject usage) {
        long prompt = usage == null ? 0 : usage.getLong("prompt_tokens", 0L);
        long completion = usage == null ? 0 : usage.getLong("completion_tokens", 0L);
        JsonObject details = usage == null ? null : usage.getJsonObject("prompt_tokens_details");
        long cached = details == null ? 0 : details.getLong("cached_tokens", 0L);
        return new JsonObject().put("input_tokens", prompt - cached).put("output_tokens", completion)
                .put("cache_creation_input_tokens", 0).put("cache_read_input_tokens", cached);
    }

    /** A tool call's arguments as the object Anthropic clients read; never dropped when they are not one. */
    static JsonObject input(String arguments) {
        if (arguments == null || arguments.isBlank()) {
            return new JsonObject();
        }
        try {
            Object value = io.vertx.core.json.Json.decodeValue(arguments);
            if (value instanceof JsonObject object) {
                return object;
            }
        } catch (DecodeException notJson) {
            // kept whole below
        }
        return new JsonObject().put(UNPARSED_ARGUMENTS, arguments);
    }
}
