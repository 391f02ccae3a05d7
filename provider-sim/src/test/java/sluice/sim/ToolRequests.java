package sluice.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.io.UncheckedIOException;

/** Chat bodies with tool definitions and tool-call history, as agent frameworks send them. */
final class ToolRequests {

    static final Encoding O200K = Encodings.newDefaultEncodingRegistry()
            .getEncoding(EncodingType.O200K_BASE);

    private ToolRequests() {
    }

    /** @return a function tool; {@code parametersJson} is its JSON schema, or null for none */
    static ObjectNode tool(String name, String parametersJson) {
        ObjectNode tool = SimClient.JSON.createObjectNode().put("type", "function");
        ObjectNode function = tool.putObject("function").put("name", name)
                .put("description", "Simulated tool " + name);
        if (parametersJson != null) {
            function.set("parameters", parse(parametersJson));
        }
        return tool;
    }

    /** @return {@code body} with a {@code tools} array holding {@code tools} */
    static ObjectNode withTools(ObjectNode body, ObjectNode... tools) {
        ArrayNode array = body.putArray("tools");
        for (ObjectNode tool : tools) {
            array.add(tool);
        }
        return body;
    }

    /** @return {@code body} with a {@code tool_choice} naming function {@code name} */
    static ObjectNode choosing(ObjectNode body, String name) {
        body.putObject("tool_choice").put("type", "function")
                .putObject("function").put("name", name);
        return body;
    }

    /** @return the tokens the simulator prices a tool definition at: its function's JSON */
    static int definitionTokens(ObjectNode tool) {
        return O200K.countTokens(tool.get("function").toString());
    }

    /**
     * @return a body whose conversation is a user question, the assistant's call of
     *     {@code name} (content null) and the tool's result, in that order
     */
    static ObjectNode afterToolResult(String question, String name, String arguments,
                                      String result) {
        ObjectNode body = SimClient.chatBody(question);
        ArrayNode messages = (ArrayNode) body.get("messages");
        ObjectNode assistant = messages.addObject().put("role", "assistant").putNull("content");
        assistant.putArray("tool_calls").addObject().put("id", "call_1").put("type", "function")
                .putObject("function").put("name", name).put("arguments", arguments);
        messages.addObject().put("role", "tool").put("tool_call_id", "call_1")
                .put("content", result);
        return body;
    }

    static JsonNode parse(String json) {
        try {
            return SimClient.JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
