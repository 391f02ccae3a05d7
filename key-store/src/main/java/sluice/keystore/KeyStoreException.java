package sluice.keystore;

/**
 * Root of every failure the key store reports on its own account (database driver failures reach
 * callers unchanged). Unchecked: callers map it once, at their API edge.
 *
 * <p>Subclasses, and when they are thrown:
 * <ul>
 *   <li>{@link UnknownKeyException}: no provider key has the given id;</li>
 *   <li>{@link UnknownProviderException}: no provider has the given id;</li>
 *   <li>{@link UnknownTenantException}: no tenant has the given id;</li>
 *   <li>{@link DuplicateTenantException}: a new tenant's id is already taken;</li>
 *   <li>{@link UnknownClientKeyException}: no client key has the given id;</li>
 *   <li>{@link InvalidKeyStoreInputException}: a value a client sent breaks a rule (names the field);</li>
 *   <li>{@link MasterKeyConfigException}: the master key configuration cannot be used;</li>
 *   <li>{@link SecretDecryptionException}: a stored secret does not decrypt (wrong or missing master
 *       key version, tampered bytes, ciphertext moved to another row).</li>
 * </ul>
 *
 * <p>Messages name ids, versions and fields; they never contain a secret, a ciphertext or master
 * key material, so they are safe to log and to return to an operator.
 */
public abstract class KeyStoreException extends RuntimeException {

    protected KeyStoreException(String message) {
        super(message);
    }

    protected KeyStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
