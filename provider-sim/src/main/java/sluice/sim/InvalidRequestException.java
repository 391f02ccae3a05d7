package sluice.sim;

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

    String param() {
        return param;
    }

    String code() {
        return code;
    }
}
