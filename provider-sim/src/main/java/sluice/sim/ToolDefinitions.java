package sluice.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the {@code tools} of a Chat Completions request: a non-empty array of
 * {@code {"type":"function","function":{"name":…,"description":…,"parameters":{…}}}}.
 */
final class ToolDefinitions {

    private ToolDefinitions() {
    }

    /**
     * @param tools the request's {@code tools} value, or {@code null} when absent
     * @return the {@code function} object of each tool, in order; empty when there are none
     * @throws InvalidRequestException when {@code tools} is not an array, is empty, or holds an
     *     element that is not a function tool with a non-empty string name (and, when given,
     *     object parameters); the error names the offending field
     */
    static List<JsonNode> functions(JsonNode tools) {
        if (tools == null || tools.isNull()) {
            return List.of();
        }
        if (!tools.isArray()) {
            throw InvalidRequestException.invalidType("tools", "an array", tools);
        }
        if (tools.isEmpty()) {
            throw InvalidRequestException.emptyArray("tools");
        }
        List<JsonNode> functions = new ArrayList<>(tools.size());
        for (int i = 0; i < tools.size(); i++) {
            functions.add(function(tools.get(i), "tools[" + i + "]"));
        }
        return functions;
    }

    private static JsonNode function(JsonNode tool, String path) {
        if (!tool.isObject()) {
            throw InvalidRequestException.invalidType(path, "an object", tool);
        }
        String type = RequiredFields.text(tool, "type", path + ".type");
        if (!type.equals("function")) {
            throw new InvalidRequestException("Invalid value: '" + type + "'. Supported values "
                    + "are: 'function'.", path + ".type", "invalid_value");
        }
        JsonNode function = RequiredFields.object(tool, "function", path + ".function");
        if (RequiredFields.text(function, "name", path + ".function.name").isEmpty()) {
            throw new InvalidRequestException("Invalid '" + path + ".function.name': empty "
                    + "string. Expected a string with minimum length 1, but got an empty string "
                    + "instead.", path + ".function.name", "empty_string");
        }
        JsonNode parameters = function.get("parameters");
        if (parameters != null && !parameters.isNull() && !parameters.isObject()) {
            throw InvalidRequestException.invalidType(path + ".function.parameters",
                    "an object", parameters);
        }
        return function;
    }
}
