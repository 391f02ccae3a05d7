package sluice.keystore;

/**
 * Thrown when a stored provider key secret cannot be decrypted: its master key version is not in
 * the key ring, or AES-GCM authentication failed because the bytes were altered, the wrong master
 * key is configured for that version, or the ciphertext was copied from another key's row (the key
 * id is bound as associated data). The message names the key id and master key version only.
 */
public class SecretDecryptionException extends KeyStoreException {

    public SecretDecryptionException(String message) {
        super(message);
    }

    public SecretDecryptionException(String message, Throwable cause) {
        super(message, cause);
    }
}
