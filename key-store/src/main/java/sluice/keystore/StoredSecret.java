package sluice.keystore;

/**
 * What the store keeps of a secret: its sealed form plus two display facts that reveal nothing
 * usable, the {@link ClearSecret#fingerprint() fingerprint} and the {@link ClearSecret#hint() hint}.
 */
public record StoredSecret(SealedSecret sealed, String fingerprint, String hint) {

    /** Seals {@code secret} for the key {@code keyId} and records its fingerprint and hint. */
    public static StoredSecret seal(SecretCipher cipher, String keyId, ClearSecret secret) {
        return new StoredSecret(cipher.seal(keyId, secret), secret.fingerprint(), secret.hint());
    }
}
