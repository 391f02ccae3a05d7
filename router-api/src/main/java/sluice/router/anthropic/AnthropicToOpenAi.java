package sluice.router.anthropic;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import sluice.router.openai.ChatRequest;
import sluice.router.openai.ChatRequestParser;
import sluice.router.routing.BadRequestException;
import sluice.router.routing.JsonFields;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads an Anthropic Messages request and writes the Chat Completions request that carries it
 * to an OpenAI-compatible upstream: system prompt, messages and content blocks (see
 * {@link AnthropicMessages}), sampling, stop sequences, tools and tool choice. What Chat
 * Completions cannot carry is refused with a 400 naming the field (PDF documents), left out
 * when it only steers the model ({@code top_k}, {@code thinking}, cache hints), and left out and
 * named to the caller when it is an Anthropic server tool.
 */
public final class AnthropicToOpenAi {
    private AnthropicToOpenAi() {
    }

    /** @throws BadRequestException naming the field when the body is not a valid Messages request */
    public static ChatRequest parse(Buffer raw) {
        return parse(raw, new ArrayList<>(0));
    }

    /**
     * @param droppedTools where to add the server tools left out (see {@link AnthropicTools})
     * @throws BadRequestException naming the field when the body is not a valid Messages request
     */
    public static ChatRequest parse(Buffer raw, List<String> droppedTools) {
        return ChatRequestParser.parse(translate(ChatRequestParser.toObject(raw), true, droppedTools));
    }

    /**
     * The Chat Completions body for a Messages body.
     *
     * @param needsMaxTokens whether {@code max_tokens} is required (it is for messages, not for counting tokens)
     * @param droppedTools   where to add the server tools left out
     * @throws BadRequestException naming the field when the body is not a valid Messages request
     */
    public static JsonObject translate(JsonObject body, boolean needsMaxTokens, List<String> droppedTools) {
        JsonObject out = new JsonObject().put("model", JsonFields.requiredString(body, "model"));
        JsonArray messages = new JsonArray();
        system(body.getValue("system"), messages);
        AnthropicMessages.translate(JsonFields.requiredArray(body, "messages"), messages);
        out.put("messages", messages);
        Integer maxTokens = JsonFields.positiveInt(body, "max_tokens");
        if (maxTokens == null && needsMaxTokens) {
            throw new BadRequestException("max_tokens", "'max_tokens' is required");
        }
        out.put("max_tokens", maxTokens);
        copyNumber(body, "temperature", out);
        copyNumber(body, "top_p", out);
        JsonFields.positiveInt(body, "top_k"); // checked, then left out: Chat Completions has no top_k
        stopSequences(body.getValue("stop_sequences"), out);
        if (JsonFields.optionalBoolean(body, "stream")) {
            out.put("stream", true).put("stream_options", new JsonObject().put("include_usage", true));
        }
        JsonObject metadata = JsonFields.optionalObject(body, "metadata");
        if (metadata != null && metadata.getValue("user_id") != null) {
            out.put("user", JsonFields.optionalString(metadata, "user_id", "metadata.user_id"));
        }
        JsonFields.optionalObject(body, "thinking"); // extended thinking has no Chat Completions form; left out
        JsonArray tools = AnthropicTools.tools(body.getValue("tools"), droppedTools);
        if (tools != null) {
            out.put("tools", tools);
        }
        AnthropicTools.toolChoice(body.getValue("tool_choice"), out);
        if (tools == null && "auto".equals(out.getValue("tool_choice"))) {
            out.remove("tool_choice"); // every tool was a server tool: nothing left to choose from
            out.remove("parallel_tool_calls");
        }
        return out;
    }

    private static void system(Object system, JsonArray messages) {
        if (system == null) {
            return;
        }
        String text;
        if (system instanceof String s) {
            text = s;
        } else if (system instanceof JsonArray blocks) {
            StringBuilder joined = new StringBuilder();
            for (int i = 0; i < blocks.size(); i++) {
                String where = "system[" + i + "]";
                JsonObject block = JsonFields.object(blocks.getValue(i), where);
                if (!"text".equals(block.getValue("type"))) {
                    throw new BadRequestException(where + ".type", "'" + where + ".type' must be \"text\"");
                }
                JsonFields.appendLine(joined, JsonFields.requiredString(block, "text", where + ".text"));
            }
            text = joined.toString();
        } else {
            throw new BadRequestException("system", "'system' must be a string or an array of text blocks");
        }
        messages.add(new JsonObject().put("role", "system").put("content", text));
    }

    private static void stopSequences(Object value, JsonObject out) {
        if (value == null) {
            return;
        }
        if (!(value instanceof JsonArray sequences)) {
            throw new BadRequestException("stop_sequences", "'stop_sequences' must be an array of strings");
        }
        for (int i = 0; i < sequences.size(); i++) {
            if (!(sequences.getValue(i) instanceof String)) {
                throw new BadRequestException("stop_sequences[" + i + "]", "'stop_sequences[" + i + "]' must be a string");
            }
        }
        if (!sequences.isEmpty()) {
            out.put("stop", sequences.copy());
        }
    }

    private static void copyNumber(JsonObject body, String field, JsonObject out) {
        Object value = body.getValue(field);
        if (value == null) {
            return;
        }
        if (!(value instanceof Number)) {
            throw new BadRequestException(field, "'" + field + "' must be a number");
        }
        out.put(field, value);
    }
}
