package sluice.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Decides whether an answer is a tool call, and to which function. {@code "required"} calls the
 * first tool; a named function ({@code {"type":"function","function":{"name":…}}}) calls that
 * one; {@code "auto"}, or no {@code tool_choice}, calls the first tool when the last message is
 * the user's (after a {@code tool} result the model answers with text); {@code "none"} never
 * calls.
 */
final class ToolChoiceRule {

    private ToolChoiceRule() {
    }

    /**
     * @param toolChoice the request's {@code tool_choice}, or {@code null} when absent
     * @param functions the tools' function objects, as {@link ToolDefinitions#functions} read
     *     them
     * @param lastRole the role of the conversation's last message
     * @return the function object to call, or {@code null} to answer with text
     * @throws InvalidRequestException when {@code tool_choice} is given without tools, is not
     *     one of the values above, or names a function that is not among the tools; the error
     *     names {@code tool_choice}
     */
    static JsonNode functionToCall(JsonNode toolChoice, List<JsonNode> functions,
                                   String lastRole) {
        boolean absent = toolChoice == null || toolChoice.isNull();
        if (!absent && functions.isEmpty()) {
            throw new InvalidRequestException("Invalid value for 'tool_choice': 'tool_choice' "
                    + "is only allowed when 'tools' are specified.", "tool_choice", null);
        }
        if (absent || (toolChoice.isTextual() && toolChoice.asText().equals("auto"))) {
            return !functions.isEmpty() && "user".equals(lastRole) ? functions.get(0) : null;
        }
        if (toolChoice.isObject()) {
            return named(toolChoice, functions);
        }
        if (!toolChoice.isTextual()) {
            throw InvalidRequestException.invalidType("tool_choice", "one of a string or object",
                    toolChoice);
        }
        return switch (toolChoice.asText()) {
            case "none" -> null;
            case "required" -> functions.get(0);
            default -> throw new InvalidRequestException("Invalid value: '"
                    + toolChoice.asText() + "'. Supported values are: 'none', 'auto', and "
                    + "'required'.", "tool_choice", "invalid_value");
        };
    }

    private static JsonNode named(JsonNode toolChoice, List<JsonNode> functions) {
        String type = RequiredFields.text(toolChoice, "type", "tool_choice.type");
        if (!type.equals("function")) {
            throw new InvalidRequestException("Invalid value: '" + type + "'. Supported values "
                    + "are: 'function'.", "tool_choice.type", "invalid_value");
        }
        JsonNode function = RequiredFields.object(toolChoice, "function",
                "tool_choice.function");
        String name = RequiredFields.text(function, "name", "tool_choice.function.name");
        for (JsonNode candidate : functions) {
            if (candidate.get("name").asText().equals(name)) {
                return candidate;
            }
        }
        throw new InvalidRequestException("Invalid value for 'tool_choice': function '" + name
                + "' is not among the functions in 'tools'.", "tool_choice", "invalid_value");
    }
}
