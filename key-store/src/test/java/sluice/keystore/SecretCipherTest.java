package sluice.keystore;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretCipherTest {
    private static final String SECRET = "sk-live-0123456789abcdefABCD";
    private static final String KEY_ID = "k-0000000000a1";

    private final SecretCipher cipher = new SecretCipher(TestMasterKeys.version1());

    @Test
    void sealedSecretOpensToTheSameSecret() {
        SealedSecret sealed = cipher.seal(KEY_ID, ClearSecret.of(SECRET));

        try (ClearSecret opened = cipher.open(KEY_ID, sealed)) {
            assertEquals(SECRET, opened.reveal());
        }
    }

    @Test
    void ciphertextIsTheSecretLengthPlusATagAndHoldsNoClearText() {
        SealedSecret sealed = cipher.seal(KEY_ID, ClearSecret.of(SECRET));

        assertEquals(1, sealed.keyVersion());
        assertEquals(SecretCipher.NONCE_BYTES, sealed.nonce().length);
        assertEquals(SECRET.length() + SecretCipher.TAG_BITS / 8, sealed.ciphertext().length);
        assertFalse(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1).contains("0123456789"));
    }

    @Test
    void everySealUsesAFreshNonce() {
        SealedSecret first = cipher.seal(KEY_ID, ClearSecret.of(SECRET));
        SealedSecret second = cipher.seal(KEY_ID, ClearSecret.of(SECRET));

        assertNotEquals(first, second);
        assertFalse(java.util.Arrays.equals(first.nonce(), second.nonce()));
    }

    @Test
    void alteredCiphertextIsDetected() {
        SealedSecret sealed = cipher.seal(KEY_ID, ClearSecret.of(SECRET));
        byte[] altered = sealed.ciphertext();
        altered[3] ^= 0x01;

        SealedSecret tampered = new SealedSecret(1, sealed.nonce(), altered);

        assertRefused(() -> cipher.open(KEY_ID, tampered), "does not authenticate with master key version 1");
    }

    @Test
    void alteredNonceIsDetected() {
        SealedSecret sealed = cipher.seal(KEY_ID, ClearSecret.of(SECRET));
        byte[] nonce = sealed.nonce();
        nonce[0] ^= 0x01;

        assertRefused(() -> cipher.open(KEY_ID, new SealedSecret(1, nonce, sealed.ciphertext())), "does not authenticate");
    }

    @Test
    void ciphertextSealedForAnotherKeyIdDoesNotOpen() {
        SealedSecret sealed = cipher.seal(KEY_ID, ClearSecret.of(SECRET));

        assertRefused(() -> cipher.open("k-0000000000b2", sealed), "copied from another key");
    }

    @Test
    void versionMissingFromTheRingIsNamed() {
        SealedSecret sealed = cipher.seal(KEY_ID, ClearSecret.of(SECRET));
        SecretCipher onlyVersion2 = new SecretCipher(TestMasterKeys.ring("2:" + TestMasterKeys.V2));

        assertRefused(() -> onlyVersion2.open(KEY_ID, sealed), "master key version 1, which is not in the key ring (versions [2])");
    }

    @Test
    void sameVersionWithOtherKeyMaterialDoesNotOpen() {
        SealedSecret sealed = cipher.seal(KEY_ID, ClearSecret.of(SECRET));
        SecretCipher otherVersion1 = new SecretCipher(TestMasterKeys.ring("1:" + TestMasterKeys.randomKey()));

        assertRefused(() -> otherVersion1.open(KEY_ID, sealed), "wrong master key");
    }

    @Test
    void resealMovesASecretToTheCurrentVersion() {
        SealedSecret oldSeal = cipher.seal(KEY_ID, ClearSecret.of(SECRET));
        SecretCipher rotated = new SecretCipher(TestMasterKeys.versions1And2());

        assertFalse(rotated.isCurrent(oldSeal));
        SealedSecret newSeal = rotated.reseal(KEY_ID, oldSeal);

        assertEquals(2, newSeal.keyVersion());
        assertTrue(rotated.isCurrent(newSeal));
        assertEquals(SECRET, rotated.open(KEY_ID, newSeal).reveal());
        assertRefused(() -> cipher.open(KEY_ID, newSeal), "version 2, which is not in the key ring (versions [1])");
    }

    @Test
    void stagedRotationKeepsSealingWithTheChosenVersion() {
        SecretCipher staged = new SecretCipher(TestMasterKeys.versions1And2().withCurrentVersion(1));

        SealedSecret sealed = staged.seal(KEY_ID, ClearSecret.of(SECRET));

        assertEquals(1, sealed.keyVersion());
        assertEquals(SECRET, cipher.open(KEY_ID, sealed).reveal());
    }

    @Test
    void nonAsciiSecretsSurviveTheRoundTrip() {
        String secret = "sk-ключ-مفتاح-0123456789";
        SealedSecret sealed = cipher.seal(KEY_ID, ClearSecret.of(secret));

        assertEquals(secret, cipher.open(KEY_ID, sealed).reveal());
        assertArrayEquals(secret.toCharArray(), cipher.open(KEY_ID, sealed).toCharArray());
    }

    private static void assertRefused(org.junit.jupiter.api.function.Executable open, String expectedMessagePart) {
        SecretDecryptionException e = assertThrows(SecretDecryptionException.class, open);
        assertTrue(e.getMessage().contains(expectedMessagePart), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET));
        assertFalse(e.getMessage().contains(TestMasterKeys.V1));
    }
}
