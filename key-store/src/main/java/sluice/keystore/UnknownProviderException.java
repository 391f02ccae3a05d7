package sluice.keystore;

/** Thrown when no provider has the given id (an admin API answers 404). */
public class UnknownProviderException extends KeyStoreException {
    private final String providerId;

    public UnknownProviderException(String providerId) {
        super("no provider with id '" + providerId + "'");
        this.providerId = providerId;
    }

    public String providerId() {
        return providerId;
    }
}
