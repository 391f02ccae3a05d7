package sluice.keystore;

/** Thrown when no client key has the given id (an admin API answers 404). */
public class UnknownClientKeyException extends KeyStoreException {
    private final String clientKeyId;

    public UnknownClientKeyException(String clientKeyId) {
        super("no client key with id '" + clientKeyId + "'");
        this.clientKeyId = clientKeyId;
    }

    public String clientKeyId() {
        return clientKeyId;
    }
}
