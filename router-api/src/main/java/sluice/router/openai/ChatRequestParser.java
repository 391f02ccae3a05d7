package sluice.router.openai;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import sluice.router.routing.BadRequestException;
import sluice.router.routing.JsonFields;

import java.util.ArrayList;
import java.util.List;

import static sluice.router.routing.JsonFields.optionalBoolean;
import static sluice.router.routing.JsonFields.positiveInt;

/**
 * Parses and validates an OpenAI Chat Completions body. Every problem becomes a
 * {@link BadRequestException} naming the offending field, answered as a 400.
 */
public final class ChatRequestParser {
    private ChatRequestParser() {
    }

    /** @throws BadRequestException when the body is not a valid chat completions request */
    public static ChatRequest parse(Buffer raw) {
        return parse(toObject(raw), raw);
    }

    /**
     * A request another dialect translated into Chat Completions JSON: validated the same way,
     * with no original bytes to forward.
     *
     * @throws BadRequestException when the body is not a valid chat completions request
     */
    public static ChatRequest parse(JsonObject body) {
        return parse(body, null);
    }

    private static ChatRequest parse(JsonObject body, Buffer raw) {
        String model = JsonFields.optionalString(body, "model", "model");
        boolean stream = optionalBoolean(body, "stream");
        boolean includeUsage = stream && streamIncludesUsage(body);
        Integer maxTokens = positiveInt(body, "max_completion_tokens");
        if (maxTokens == null) {
            maxTokens = positiveInt(body, "max_tokens");
        }
        JsonArray messages = JsonFields.requiredArray(body, "messages");
        List<String> texts = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            StringBuilder text = new StringBuilder();
            appendMessage(messages.getValue(i), i, text);
            texts.add(text.toString());
        }
        Object tools = body.getValue("tools");
        if (tools instanceof JsonArray definitions && !definitions.isEmpty()) {
            texts.add(definitions.encode()); // the tool definitions are prompt too, often most of an agent's
        }
        return new ChatRequest(body, model, stream, includeUsage, maxTokens, texts, raw);
    }

    /** @throws BadRequestException when the body is empty, not JSON or not a JSON object */
    public static JsonObject toObject(Buffer raw) {
        if (raw == null || raw.length() == 0) {
            throw new BadRequestException(null, "request body is empty: expected a JSON object");
        }
        try {
            Object value = raw.toJsonValue();
            if (value instanceof JsonObject object) {
                return object;
            }
            throw new BadRequestException(null, "request body must be a JSON object");
        } catch (DecodeException e) {
            throw new BadRequestException(null, "request body is not valid JSON");
        }
    }


    private static void appendMessage(Object value, int index, StringBuilder text) {
        String where = "messages[" + index + "]";
        if (!(value instanceof JsonObject message)) {
            throw new BadRequestException(where, "'" + where + "' must be an object");
        }
        Object role = message.getValue("role");
        if (!(role instanceof String)) {
            throw new BadRequestException(where + ".role", "'" + where + ".role' must be a string");
        }
        Object content = message.getValue("content");
        if (content instanceof String s) {
            text.append(s);
        } else if (content instanceof JsonArray parts) {
            appendParts(parts, where + ".content", text);
        } else if (content != null) {
            throw new BadRequestException(where + ".content",
                    "'" + where + ".content' must be a string or an array of content parts");
        }
        if (message.getValue("tool_calls") instanceof JsonArray calls) {
            appendToolCalls(calls, text);
        }
    }

    /** The calls an assistant made are prompt when sent back: their names and arguments count. */
    private static void appendToolCalls(JsonArray calls, StringBuilder text) {
        for (int i = 0; i < calls.size(); i++) {
            if (calls.getValue(i) instanceof JsonObject call && call.getValue("function") instanceof JsonObject f) {
                if (f.getValue("name") instanceof String name) {
                    text.append(name).append('\n');
                }
                if (f.getValue("arguments") instanceof String arguments) {
                    text.append(arguments).append('\n');
                }
            }
        }
    }

    private static void appendParts(JsonArray parts, String where, StringBuilder text) {
        for (int i = 0; i < parts.size(); i++) {
            if (!(parts.getValue(i) instanceof JsonObject part)) {
                throw new BadRequestException(where + "[" + i + "]", "'" + where + "[" + i + "]' must be an object");
            }
            Object partText = part.getValue("text");
            if (partText instanceof String s) {
                text.append(s).append('\n');
            }
        }
    }

    private static boolean streamIncludesUsage(JsonObject body) {
        Object options = body.getValue("stream_options");
        if (options == null) {
            return false;
        }
        if (!(options instanceof JsonObject object)) {
            throw new BadRequestException("stream_options", "'stream_options' must be an object");
        }
        return optionalBoolean(object, "include_usage");
    }



}
