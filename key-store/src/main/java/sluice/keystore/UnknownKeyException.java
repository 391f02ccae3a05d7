package sluice.keystore;

/** Thrown when no provider key has the given id (an admin API answers 404). */
public class UnknownKeyException extends KeyStoreException {
    private final String keyId;

    public UnknownKeyException(String keyId) {
        super("no provider key with id '" + keyId + "'");
        this.keyId = keyId;
    }

    public String keyId() {
        return keyId;
    }
}
