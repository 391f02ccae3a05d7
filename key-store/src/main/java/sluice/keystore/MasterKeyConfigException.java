package sluice.keystore;

/**
 * Thrown when the master key configuration cannot be used: empty, malformed, a key that is not
 * base64 or not 32 bytes, a version given twice, an unreadable key file. The message says which
 * entry is wrong and why; it never prints key material.
 */
public class MasterKeyConfigException extends KeyStoreException {

    public MasterKeyConfigException(String message) {
        super(message);
    }
}
