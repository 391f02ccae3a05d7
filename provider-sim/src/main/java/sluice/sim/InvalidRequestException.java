package sluice.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/** A request body the OpenAI API would refuse with 400 invalid_request_error. */
final class InvalidRequestException extends SimException {

    private final String param;
    private final String code;

    /**
     * @param param the offending parameter, or {@code null}
     * @param code the OpenAI error code, or {@code null}
     */
    InvalidRequestException(String message, String param, String code) {
        super(message);
        this.param = param;
        this.code = code;
    }

    /** @return OpenAI's refusal of a required parameter that is absent */
    static InvalidRequestException missingParameter(String param) {
        return new InvalidRequestException("Missing required parameter: '" + param + "'.",
                param, "missing_required_parameter");
    }

    /** @return OpenAI's refusal of a parameter of the wrong JSON type */
    static InvalidRequestException invalidType(String param, String expected, JsonNode got) {
        return new InvalidRequestException("Invalid type for '" + param + "': expected "
                + expected + ", but got " + got.getNodeType().name().toLowerCase(Locale.ROOT)
                + " instead.",
                param, "invalid_type");
    }

    /** @return OpenAI's refusal of an empty array where at least one element is required */
    static InvalidRequestException emptyArray(String param) {
        return new InvalidRequestException("Invalid '" + param + "': empty array. Expected an "
                + "array with minimum length 1, but got an empty array instead.",
                param, "empty_array");
    }

    String param() {
        return param;
    }

    String code() {
        return code;
    }
}
