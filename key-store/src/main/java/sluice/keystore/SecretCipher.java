package sluice.keystore;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

/**
 * Seals and opens provider key secrets with AES-256-GCM (see docs/adr/0005-secret-encryption.md):
 * a fresh random 12-byte nonce per seal, a 128-bit tag, and the key id as associated data, so a
 * ciphertext only opens for the row it was sealed for. Thread-safe: each thread keeps one {@link Cipher}
 * and initialises it afresh (key, nonce, associated data) for every call, because a secret is
 * opened for every upstream call and {@code Cipher.getInstance} (a provider lookup) cost more than
 * the decryption itself.
 */
public final class SecretCipher {
    public static final int NONCE_BYTES = 12;
    public static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    /** Prefix of the associated data: keeps these ciphertexts apart from any other use of the master key. */
    private static final String AAD_PREFIX = "sluice/provider-key/";

    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(SecretCipher::newCipher);

    private final MasterKeyRing ring;
    private final SecureRandom random = new SecureRandom();

    public SecretCipher(MasterKeyRing ring) {
        this.ring = Objects.requireNonNull(ring, "ring");
    }

    /** @return the master key version {@link #seal} uses */
    public int currentKeyVersion() {
        return ring.currentVersion();
    }

    /** @return whether {@code sealed} already uses the current master key version */
    public boolean isCurrent(SealedSecret sealed) {
        return sealed.keyVersion() == ring.currentVersion();
    }

    /** Encrypts {@code secret} for the provider key {@code keyId} with the current master key. */
    public SealedSecret seal(String keyId, ClearSecret secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] clear = secret.toUtf8();
        try {
            Cipher cipher = init(Cipher.ENCRYPT_MODE, ring.currentKey(), nonce, keyId);
            return new SealedSecret(ring.currentVersion(), nonce, cipher.doFinal(clear));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM encryption failed: " + e.getClass().getSimpleName(), e);
        } finally {
            Arrays.fill(clear, (byte) 0);
        }
    }

    /**
     * Decrypts a secret sealed for {@code keyId}.
     *
     * @throws SecretDecryptionException when the ring lacks the secret's master key version, or
     *         authentication fails (tampered bytes, wrong master key, sealed for another key id)
     */
    public ClearSecret open(String keyId, SealedSecret sealed) {
        SecretKey key = ring.key(sealed.keyVersion());
        if (key == null) {
            throw new SecretDecryptionException("secret of provider key '" + keyId + "' is sealed with master key version "
                    + sealed.keyVersion() + ", which is not in the key ring (versions " + ring.versions() + ")");
        }
        byte[] clear = null;
        try {
            clear = init(Cipher.DECRYPT_MODE, key, sealed.nonce(), keyId).doFinal(sealed.ciphertext());
            return ClearSecret.fromUtf8(clear);
        } catch (AEADBadTagException e) {
            throw new SecretDecryptionException("secret of provider key '" + keyId + "' does not authenticate with master key version "
                    + sealed.keyVersion() + ": wrong master key, altered bytes, or a ciphertext copied from another key", e);
        } catch (GeneralSecurityException e) {
            throw new SecretDecryptionException("secret of provider key '" + keyId + "' cannot be decrypted: "
                    + e.getClass().getSimpleName(), e);
        } finally {
            if (clear != null) {
                Arrays.fill(clear, (byte) 0);
            }
        }
    }

    /** Opens {@code sealed} and seals it again with the current master key (a new nonce). */
    public SealedSecret reseal(String keyId, SealedSecret sealed) {
        try (ClearSecret secret = open(keyId, sealed)) {
            return seal(keyId, secret);
        }
    }

    /** @return algorithm and key versions only */
    @Override
    public String toString() {
        return "SecretCipher[AES-256-GCM, " + ring + "]";
    }

    private static Cipher init(int mode, SecretKey key, byte[] nonce, String keyId) throws GeneralSecurityException {
        if (keyId == null || keyId.isEmpty()) {
            throw new IllegalArgumentException("a key id is required: it is bound to the ciphertext");
        }
        Cipher cipher = CIPHERS.get();
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD((AAD_PREFIX + keyId).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance(TRANSFORMATION);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(TRANSFORMATION + " missing from the JDK", e);
        }
    }
}
