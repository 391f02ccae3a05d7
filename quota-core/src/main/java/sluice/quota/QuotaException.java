package sluice.quota;

/** Root of every exception quota-core throws. Denials are not exceptions: see {@link Denied}. */
public class QuotaException extends RuntimeException {
    public QuotaException(String message) {
        super(message);
    }

    public QuotaException(String message, Throwable cause) {
        super(message, cause);
    }
}
