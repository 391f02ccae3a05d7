package sluice.sim;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads the fields a request body must hold, refusing a missing or mistyped one the way
 * OpenAI does: 400 naming the field by its full path, e.g. {@code tools[0].function.name}.
 */
final class RequiredFields {

    private RequiredFields() {
    }

    /**
     * @param path the field's full path, used in the error
     * @return the object at {@code parent.field}
     * @throws InvalidRequestException when it is absent, null or not an object
     */
    static JsonNode object(JsonNode parent, String field, String path) {
        JsonNode value = present(parent, field, path);
        if (!value.isObject()) {
            throw InvalidRequestException.invalidType(path, "an object", value);
        }
        return value;
    }

    /**
     * @param path the field's full path, used in the error
     * @return the string at {@code parent.field}
     * @throws InvalidRequestException when it is absent, null or not a string
     */
    static String text(JsonNode parent, String field, String path) {
        JsonNode value = present(parent, field, path);
        if (!value.isTextual()) {
            throw InvalidRequestException.invalidType(path, "a string", value);
        }
        return value.asText();
    }

    private static JsonNode present(JsonNode parent, String field, String path) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            throw InvalidRequestException.missingParameter(path);
        }
        return value;
    }
}
