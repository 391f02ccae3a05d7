package sluice.sim;

/** The simulator could not start: the port is taken, the host unknown, or start timed out. */
public final class SimStartException extends SimException {

    public SimStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
