package sluice.keystore;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClearSecretTest {

    @Test
    void hintShowsTheFirstThreeAndLastFourCharacters() {
        assertEquals("sk-...ABCD", ClearSecret.of("sk-live-0123456789abcdefABCD").hint());
        assertEquals("sk-...wxyz", ClearSecret.of("sk-ant-api03-abcdefghijklmnop-wxyz").hint());
    }

    @Test
    void shortSecretGetsNoHint() {
        assertEquals("***", ClearSecret.of("sk-012345678901").hint());
    }

    @Test
    void fingerprintIsTheStartOfTheSha256() {
        assertEquals("23bb71fe", ClearSecret.of("sk-live-0123456789abcdefABCD").fingerprint());
        assertEquals("5624ad6a", ClearSecret.of("sk-ant-api03-abcdefghijklmnop-wxyz").fingerprint());
    }

    @Test
    void secretsUnfitForAnHttpHeaderAreRefusedWithoutEchoingThem() {
        for (String bad : new String[] {"", "sk-with space-0123456789", "sk-line\nbreak-0123456789"}) {
            InvalidKeyStoreInputException e = assertThrows(InvalidKeyStoreInputException.class, () -> ClearSecret.of(bad));
            assertEquals("secret", e.field());
            assertFalse(!bad.isEmpty() && e.getMessage().contains(bad), e.getMessage());
        }
        assertThrows(InvalidKeyStoreInputException.class, () -> ClearSecret.of((String) null));
        assertThrows(InvalidKeyStoreInputException.class, () -> ClearSecret.of("x".repeat(ClearSecret.MAX_LENGTH + 1)));
    }

    @Test
    void closedSecretIsWipedAndCannotBeRead() {
        ClearSecret secret = ClearSecret.of("sk-live-0123456789abcdefABCD");

        secret.close();

        assertThrows(IllegalStateException.class, secret::reveal);
    }

    @Test
    void comparesByContent() {
        assertTrue(ClearSecret.of("sk-a-0123456789abcdef").sameAs(ClearSecret.of("sk-a-0123456789abcdef")));
        assertFalse(ClearSecret.of("sk-a-0123456789abcdef").sameAs(ClearSecret.of("sk-b-0123456789abcdef")));
    }
}
