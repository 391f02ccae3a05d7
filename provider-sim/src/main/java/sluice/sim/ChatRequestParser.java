package sluice.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reads and validates a Chat Completions body, with OpenAI's error messages. */
final class ChatRequestParser {

    private final ObjectMapper mapper;
    private final TokenCounter tokenCounter;

    ChatRequestParser(ObjectMapper mapper, TokenCounter tokenCounter) {
        this.mapper = mapper;
        this.tokenCounter = tokenCounter;
    }

    /**
     * @throws InvalidRequestException when the body is not JSON, lacks model or messages,
     *     holds a value of the wrong type, malformed tools, or a tool_choice the tools do not
     *     allow
     */
    ChatRequest parse(byte[] body) {
        JsonNode root = readJson(body);
        JsonNode model = root.get("model");
        if (model == null || !model.isTextual() || model.asText().isEmpty()) {
            throw new InvalidRequestException("you must provide a model parameter", null, null);
        }
        JsonNode messages = root.get("messages");
        List<List<String>> texts = messageTexts(messages);
        List<JsonNode> functions = ToolDefinitions.functions(root.get("tools"));
        int prompt = tokenCounter.promptTokens(texts, definitionTexts(functions));
        int maxTokens = maxTokens(root, "max_completion_tokens");
        if (maxTokens < 0) {
            maxTokens = maxTokens(root, "max_tokens");
        }
        boolean stream = flag(root, "stream");
        JsonNode options = root.get("stream_options");
        boolean includeUsage = stream && options != null && options.isObject()
                && flag(options, "include_usage");
        return new ChatRequest(model.asText(), prompt, maxTokens, stream, includeUsage,
                toolCall(root.get("tool_choice"), functions, messages));
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
            throw InvalidRequestException.missingParameter("messages");
        }
        if (!messages.isArray()) {
            throw InvalidRequestException.invalidType("messages", "an array", messages);
        }
        if (messages.isEmpty()) {
            throw InvalidRequestException.emptyArray("messages");
        }
        List<List<String>> texts = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            texts.add(messageText(messages.get(i), "messages[" + i + "]"));
        }
        return texts;
    }

    /** @return the priced texts of a message: content, and tool calls' names and arguments */
    private static List<String> messageText(JsonNode message, String path) {
        if (!message.isObject()) {
            throw InvalidRequestException.invalidType(path, "an object", message);
        }
        RequiredFields.text(message, "role", path + ".role");
        List<String> content = contentTexts(message.get("content"), path + ".content");
        JsonNode toolCalls = message.get("tool_calls");
        if (toolCalls == null || toolCalls.isNull()) {
            return content;
        }
        List<String> texts = new ArrayList<>(content);
        addToolCallTexts(toolCalls, path + ".tool_calls", texts);
        return texts;
    }

    private static List<String> contentTexts(JsonNode content, String path) {
        if (content == null || content.isNull()) {
            return List.of();
        }
        if (content.isTextual()) {
            return List.of(content.asText());
        }
        if (!content.isArray()) {
            throw InvalidRequestException.invalidType(path,
                    "one of a string or array of objects", content);
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

    private static void addToolCallTexts(JsonNode toolCalls, String path, List<String> texts) {
        if (!toolCalls.isArray()) {
            throw InvalidRequestException.invalidType(path, "an array", toolCalls);
        }
        for (int i = 0; i < toolCalls.size(); i++) {
            String callPath = path + "[" + i + "]";
            JsonNode call = toolCalls.get(i);
            if (!call.isObject()) {
                throw InvalidRequestException.invalidType(callPath, "an object", call);
            }
            JsonNode function = RequiredFields.object(call, "function", callPath + ".function");
            texts.add(RequiredFields.text(function, "name", callPath + ".function.name"));
            texts.add(RequiredFields.text(function, "arguments",
                    callPath + ".function.arguments"));
        }
    }

    /** @return the priced text of each tool: its function object as compact JSON */
    private static List<String> definitionTexts(List<JsonNode> functions) {
        List<String> texts = new ArrayList<>(functions.size());
        for (JsonNode function : functions) {
            texts.add(function.toString());
        }
        return texts;
    }

    private ToolCall toolCall(JsonNode toolChoice, List<JsonNode> functions,
                              JsonNode messages) {
        String lastRole = messages.get(messages.size() - 1).get("role").asText();
        JsonNode function = ToolChoiceRule.functionToCall(toolChoice, functions, lastRole);
        if (function == null) {
            return null;
        }
        return ToolCall.of(function.get("name").asText(),
                SampleArguments.of(function.get("parameters")), tokenCounter);
    }

    private static int maxTokens(JsonNode root, String name) {
        JsonNode value = root.get(name);
        if (value == null || value.isNull()) {
            return -1;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw InvalidRequestException.invalidType(name, "an integer", value);
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
            throw InvalidRequestException.invalidType(name, "a boolean", value);
        }
        return value.asBoolean();
    }
}
