package sluice.keystore;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every type that holds or touches a secret prints no part of it that could be used. */
class SecretsStayMaskedTest {
    private static final String SECRET = "sk-live-0123456789abcdefABCD";
    private static final String SECRET_MIDDLE = "live-0123456789abcdef";

    private final SecretCipher cipher = new SecretCipher(TestMasterKeys.version1());

    @Test
    void clearSecretPrintsAMask() {
        assertTrue(ClearSecret.of(SECRET).toString().equals("ClearSecret[***]"));
        assertClean(String.valueOf(ClearSecret.of(SECRET)));
    }

    @Test
    void sealedFormsPrintSizesAndVersionOnly() {
        SealedSecret sealed = cipher.seal("k-1", ClearSecret.of(SECRET));
        StoredSecret stored = StoredSecret.seal(cipher, "k-1", ClearSecret.of(SECRET));

        assertClean(sealed.toString());
        assertClean(stored.toString());
        assertFalse(sealed.toString().contains(Base64.getEncoder().encodeToString(sealed.ciphertext())));
        assertFalse(sealed.toString().contains(HexFormat.of().formatHex(sealed.ciphertext()).substring(0, 8)));
        assertTrue(stored.toString().contains("sk-...ABCD"), stored.toString());
    }

    @Test
    void keyRingAndCipherPrintVersionsOnly() {
        String printed = cipher + " " + TestMasterKeys.versions1And2();

        assertClean(printed);
        for (String key : List.of(TestMasterKeys.V1, TestMasterKeys.V2)) {
            assertFalse(printed.contains(key.substring(0, 8)), printed);
        }
        assertTrue(printed.contains("versions=[1, 2]"), printed);
    }

    @Test
    void keyEntityAndViewPrintNoSecret() {
        StoredSecret stored = StoredSecret.seal(cipher, "k-1", ClearSecret.of(SECRET));
        KeySettings settings = new KeySettings("main", KeyLimits.unlimited(), 1);
        ProviderKeyEntity key = new ProviderKeyEntity("k-1", "openai-main", settings, stored, Instant.now());

        assertClean(key.toString());
        assertClean(ProviderKeyView.of(key).toString());
        assertTrue(ProviderKeyView.of(key).toString().contains("fingerprint=23bb71fe"));
    }

    private static void assertClean(String printed) {
        assertFalse(printed.contains(SECRET), printed);
        assertFalse(printed.contains(SECRET_MIDDLE), printed);
        assertFalse(printed.contains("0123456789"), printed);
    }
}
