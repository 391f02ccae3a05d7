package sluice.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads and validates a Chat Completions body, with OpenAI's error messages. */
final class ChatRequestParser {

    private final ObjectMapper mapper;
    private final TokenCounter tokenCounter;

    ChatRequestParser(ObjectMapper mapper, TokenCounter tokenCounter) {
        this.mapper = mapper;
        this.tokenCounter = tokenCounter;
    }

    /**
     * @throws InvalidRequestException when the body is not JSON, lacks model or messages, or
     *     holds a value of the wrong type
     */
    ChatRequest parse(byte[] body) {
        JsonNode root = readJson(body);
        JsonNode model = root.get("model");
        if (model == null || !model.isTextual() || model.asText().isEmpty()) {
            throw new InvalidRequestException("you must provide a model parameter", null, null);
        }
        int prompt = tokenCounter.promptTokens(messageTexts(root.get("messages")));
        int maxTokens = maxTokens(root, "max_completion_tokens");
        if (maxTokens < 0) {
            maxTokens = maxTokens(root, "max_tokens");
        }
        boolean stream = flag(root, "stream");
        JsonNode options = root.get("stream_options");
        boolean includeUsage = stream && options != null && options.isObject()
                && flag(options, "include_usage");
        return new ChatRequest(model.asText(), prompt, maxTokens, stream, includeUsage);
    }

    private JsonNode readJson(byte[] body) {
        try {
            JsonNode root = mapper.readTree(body);
            if (root != null && root.isObject()) {
                return root;
            }
        } catch (JsonProcessingException e) {
            // answered below
        } catch (IOException e) {
            throw new IllegalStateException("reading a byte array failed", e);
        }
        throw new InvalidRequestException("We could not parse the JSON body of your request. "
                + "(HINT: This likely means you aren't using your HTTP library correctly. The "
                + "OpenAI API expects a JSON payload, but what was sent was not valid JSON.)",
                null, null);
    }

    private static List<List<String>> messageTexts(JsonNode messages) {
        if (messages == null || messages.isNull()) {
            throw new InvalidRequestException("Missing required parameter: 'messages'.",
                    "messages", "missing_required_parameter");
        }
        if (!messages.isArray()) {
            throw invalidType("messages", "an array", messages);
        }
        if (messages.isEmpty()) {
            throw new InvalidRequestException("Invalid 'messages': empty array. Expected an "
                    + "array with minimum length 1, but got an empty array instead.",
                    "messages", "empty_array");
        }
        List<List<String>> texts = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            texts.add(messageText(messages.get(i), "messages[" + i + "]"));
        }
        return texts;
    }

    private static List<String> messageText(JsonNode message, String path) {
        if (!message.isObject()) {
            throw invalidType(path, "an object", message);
        }
        JsonNode role = message.get("role");
        if (role == null || !role.isTextual()) {
            throw new InvalidRequestException("Missing required parameter: '" + path
                    + ".role'.", path + ".role", "missing_required_parameter");
        }
        JsonNode content = message.get("content");
        if (content == null || content.isNull()) {
            return List.of();
        }
        if (content.isTextual()) {
            return List.of(content.asText());
        }
        if (!content.isArray()) {
            throw invalidType(path + ".content", "one of a string or array of objects",
                    content);
        }
        List<String> parts = new ArrayList<>(content.size());
        for (JsonNode part : content) {
            JsonNode text = part.get("text");
            if (part.isObject() && "text".equals(part.path("type").asText())
                    && text != null && text.isTextual()) {
                parts.add(text.asText());
            }
        }
        return parts;
    }

    private static int maxTokens(JsonNode root, String name) {
        JsonNode value = root.get(name);
        if (value == null || value.isNull()) {
            return -1;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw invalidType(name, "an integer", value);
        }
        if (value.asInt() < 1) {
            throw new InvalidRequestException("Invalid '" + name + "': integer below minimum "
                    + "value. Expected a value >= 1, but got " + value.asInt() + " instead.",
                    name, "integer_below_min_value");
        }
        return value.asInt();
    }

    private static boolean flag(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw invalidType(name, "a boolean", value);
        }
        return value.asBoolean();
    }

    private static InvalidRequestException invalidType(String param, String expected,
                                                       JsonNode got) {
        return new InvalidRequestException("Invalid type for '" + param + "': expected "
                + expected + ", but got " + got.getNodeType().name().toLowerCase(Locale.ROOT)
                + " instead.",
                param, "invalid_type");
    }
}
