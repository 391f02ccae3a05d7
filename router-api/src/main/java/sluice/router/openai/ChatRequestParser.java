package sluice.router.openai;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses and validates an OpenAI Chat Completions body. Every problem becomes a
 * {@link BadRequestException} naming the offending field, answered as a 400.
 */
public final class ChatRequestParser {
    private ChatRequestParser() {
    }

    /** @throws BadRequestException when the body is not a valid chat completions request */
    public static ChatRequest parse(Buffer raw) {
        JsonObject body = toObject(raw);
        String model = optionalString(body, "model");
        boolean stream = optionalBoolean(body, "stream");
        boolean includeUsage = stream && streamIncludesUsage(body);
        Integer maxTokens = positiveInt(body, "max_completion_tokens");
        if (maxTokens == null) {
            maxTokens = positiveInt(body, "max_tokens");
        }
        JsonArray messages = messages(body);
        List<String> texts = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            StringBuilder text = new StringBuilder();
            appendMessage(messages.getValue(i), i, text);
            texts.add(text.toString());
        }
        return new ChatRequest(body, model, stream, includeUsage, maxTokens, texts, raw);
    }

    private static JsonObject toObject(Buffer raw) {
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

    private static JsonArray messages(JsonObject body) {
        Object value = body.getValue("messages");
        if (value == null) {
            throw new BadRequestException("messages", "'messages' is required");
        }
        if (!(value instanceof JsonArray array)) {
            throw new BadRequestException("messages", "'messages' must be an array");
        }
        if (array.isEmpty()) {
            throw new BadRequestException("messages", "'messages' must contain at least one message");
        }
        return array;
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

    private static String optionalString(JsonObject body, String field) {
        Object value = body.getValue(field);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw new BadRequestException(field, "'" + field + "' must be a string");
    }

    private static boolean optionalBoolean(JsonObject body, String field) {
        Object value = body.getValue(field);
        if (value == null || value instanceof Boolean) {
            return Boolean.TRUE.equals(value);
        }
        throw new BadRequestException(field, "'" + field + "' must be a boolean");
    }

    private static Integer positiveInt(JsonObject body, String field) {
        Object value = body.getValue(field);
        if (value == null) {
            return null;
        }
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                && n.longValue() >= 1 && n.longValue() <= Integer.MAX_VALUE) {
            return n.intValue();
        }
        throw new BadRequestException(field, "'" + field + "' must be a positive integer");
    }
}
