package sluice.keystore;

import java.util.Arrays;
import java.util.Objects;

/**
 * A secret as stored: AES-256-GCM ciphertext (with its 16-byte tag appended), the 12-byte nonce
 * and the master key version that sealed it. Safe to keep in memory and in the database; opening
 * it needs the master key ring and the key id it was sealed for ({@link SecretCipher#open}).
 * Arrays are copied in and out, so an instance cannot be changed.
 */
public record SealedSecret(int keyVersion, byte[] nonce, byte[] ciphertext) {

    public SealedSecret {
        if (keyVersion <= 0) {
            throw new IllegalArgumentException("master key version must be positive, got " + keyVersion);
        }
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(ciphertext, "ciphertext");
        nonce = nonce.clone();
        ciphertext = ciphertext.clone();
    }

    @Override
    public byte[] nonce() {
        return nonce.clone();
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SealedSecret other && keyVersion == other.keyVersion
                && Arrays.equals(nonce, other.nonce) && Arrays.equals(ciphertext, other.ciphertext);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * keyVersion + Arrays.hashCode(nonce)) + Arrays.hashCode(ciphertext);
    }

    /** @return version and sizes only */
    @Override
    public String toString() {
        return "SealedSecret[keyVersion=" + keyVersion + ", nonce=" + nonce.length + " bytes, ciphertext="
                + ciphertext.length + " bytes]";
    }
}
