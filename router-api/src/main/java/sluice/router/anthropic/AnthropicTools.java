package sluice.router.anthropic;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import sluice.router.routing.BadRequestException;
import sluice.router.routing.JsonFields;

import java.util.List;

/**
 * Anthropic tool definitions and tool choice as Chat Completions functions. Only client tools
 * (name, description, input schema) have a Chat Completions form. Anthropic's server tools (web
 * search, code execution, computer use…) run at Anthropic, so no upstream of this kind can run
 * them: they are left out and named to the caller (agents such as Claude Code send them along
 * with their own tools on every call; refusing the call would refuse the agent).
 */
final class AnthropicTools {
    private AnthropicTools() {
    }

    /**
     * @param dropped where to add the names of the server tools left out
     * @return the functions, or null when the request has no client tools
     */
    static JsonArray tools(Object value, List<String> dropped) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof JsonArray tools)) {
            throw new BadRequestException("tools", "'tools' must be an array");
        }
        JsonArray functions = new JsonArray();
        for (int i = 0; i < tools.size(); i++) {
            String at = "tools[" + i + "]";
            JsonObject tool = JsonFields.object(tools.getValue(i), at);
            String type = JsonFields.optionalString(tool, "type", at + ".type");
            if (type != null && !"custom".equals(type)) {
                dropped.add(tool.getValue("name") instanceof String name ? name + " (" + type + ")" : type);
                continue;
            }
            JsonObject function = new JsonObject().put("name", JsonFields.requiredString(tool, "name", at + ".name"));
            String description = JsonFields.optionalString(tool, "description", at + ".description");
            if (description != null) {
                function.put("description", description);
            }
            Object schema = tool.getValue("input_schema");
            if (schema == null) {
                throw new BadRequestException(at + ".input_schema", "'" + at + ".input_schema' is required");
            }
            function.put("parameters", JsonFields.object(schema, at + ".input_schema"));
            functions.add(new JsonObject().put("type", "function").put("function", function));
        }
        return functions.isEmpty() ? null : functions;
    }

    /** Writes {@code tool_choice} (and {@code parallel_tool_calls} when parallel use is off) into {@code out}. */
    static void toolChoice(Object value, JsonObject out) {
        if (value == null) {
            return;
        }
        JsonObject choice = JsonFields.object(value, "tool_choice");
        String type = JsonFields.requiredString(choice, "type", "tool_choice.type");
        switch (type) {
            case "auto" -> out.put("tool_choice", "auto");
            case "any" -> out.put("tool_choice", "required");
            case "none" -> out.put("tool_choice", "none");
            case "tool" -> out.put("tool_choice", new JsonObject().put("type", "function").put("function",
                    new JsonObject().put("name", JsonFields.requiredString(choice, "name", "tool_choice.name"))));
            default -> throw new BadRequestException("tool_choice.type",
                    "'tool_choice.type' must be \"auto\", \"any\", \"tool\" or \"none\"");
        }
        if (JsonFields.optionalBoolean(choice, "disable_parallel_tool_use", "tool_choice.disable_parallel_tool_use")) {
            out.put("parallel_tool_calls", false);
        }
    }
}
