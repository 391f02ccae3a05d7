package sluice.router.admin;

/** A tenant endpoint was called without a valid client key (401). Stackless; never says which check failed. */
public class ClientKeyRequiredException extends RuntimeException {

    public ClientKeyRequiredException() {
        super("a valid client key is required (Authorization: Bearer <key> or x-api-key)", null, false, false);
    }
}
