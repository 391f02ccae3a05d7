package sluice.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The arguments the simulator calls a function with, built from its {@code parameters} JSON
 * schema: an object holding, for each name in {@code required} (in order; when there is none,
 * the first property, if any), a sample of the property's {@code type}: string {@code "sim"},
 * integer {@code 1}, number {@code 1.5}, boolean {@code true}, array {@code []}, object
 * {@code {}}, anything else or no type {@code null}.
 */
final class SampleArguments {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SampleArguments() {
    }

    /**
     * @param parameters the function's {@code parameters} schema, or {@code null}
     * @return the arguments as a compact JSON object, the string OpenAI sends as
     *     {@code arguments}
     */
    static String of(JsonNode parameters) {
        ObjectNode arguments = NODES.objectNode();
        if (parameters != null && parameters.isObject()) {
            JsonNode properties = parameters.path("properties");
            for (String name : argumentNames(parameters, properties)) {
                arguments.set(name, sample(properties.path(name).path("type")));
            }
        }
        return arguments.toString();
    }

    private static List<String> argumentNames(JsonNode parameters, JsonNode properties) {
        List<String> names = new ArrayList<>();
        for (JsonNode name : parameters.path("required")) {
            if (name.isTextual()) {
                names.add(name.asText());
            }
        }
        if (names.isEmpty() && properties.isObject()) {
            Iterator<String> first = properties.fieldNames();
            if (first.hasNext()) {
                names.add(first.next());
            }
        }
        return names;
    }

    private static JsonNode sample(JsonNode type) {
        return switch (type.isTextual() ? type.asText() : "") {
            case "string" -> NODES.textNode("sim");
            case "integer" -> NODES.numberNode(1);
            case "number" -> NODES.numberNode(1.5);
            case "boolean" -> NODES.booleanNode(true);
            case "array" -> NODES.arrayNode();
            case "object" -> NODES.objectNode();
            default -> NODES.nullNode();
        };
    }
}
