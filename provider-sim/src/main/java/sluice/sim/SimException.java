package sluice.sim;

/** Root of the simulator's exceptions. Stackless: they describe input, not a program bug. */
public class SimException extends RuntimeException {

    public SimException(String message) {
        super(message, null, false, false);
    }

    public SimException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
