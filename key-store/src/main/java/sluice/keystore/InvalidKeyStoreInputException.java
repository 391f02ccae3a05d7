package sluice.keystore;

/**
 * Thrown when a value given to the key store breaks a rule: a negative limit, a blank label, an
 * unknown time zone, a secret with whitespace in it. {@link #field()} names the offending field so
 * an API can answer 400 with a problem-details body; the message never repeats a secret.
 */
public class InvalidKeyStoreInputException extends KeyStoreException {
    private final String field;

    public InvalidKeyStoreInputException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    /** @return the name of the field whose value was refused, e.g. {@code limits.rpm} */
    public String field() {
        return field;
    }
}
