package sluice.router.routing;

/**
 * A client sent something the gateway cannot accept. Stackless: bad input is common and cheap
 * to reject; the message names the field and is safe to show to the client.
 */
public final class BadRequestException extends RuntimeException {
    private final String param;

    public BadRequestException(String param, String message) {
        super(message, null, false, false);
        this.param = param;
    }

    /** @return the offending field path, or null when the body as a whole is wrong */
    public String param() {
        return param;
    }
}
