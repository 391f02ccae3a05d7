package sluice.keystore;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MasterKeyRingTest {
    private static final String KEY_A = TestMasterKeys.randomKey();
    private static final String KEY_B = TestMasterKeys.randomKey();

    @Test
    void highestVersionIsCurrentAndAllVersionsAreKept() {
        MasterKeyRing ring = MasterKeyRing.parse("2:" + KEY_B + ",1:" + KEY_A);

        assertEquals(2, ring.currentVersion());
        assertEquals(List.of(1, 2), List.copyOf(ring.versions()));
    }

    @Test
    void currentVersionCanBeChosen() {
        MasterKeyRing ring = MasterKeyRing.parse("1:" + KEY_A + " 2:" + KEY_B).withCurrentVersion(1);

        assertEquals(1, ring.currentVersion());
        assertRejected(() -> ring.withCurrentVersion(3), "current master key version 3 is not in the key ring (versions [1, 2])");
    }

    @Test
    void fileMayHoldOneEntryPerLineAndComments(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("master-keys");
        Files.writeString(file, "# rotated 2026-11\n1:" + KEY_A + "\n2:" + KEY_B + "\n");

        MasterKeyRing ring = MasterKeyRing.fromFile(file);

        assertEquals(2, ring.currentVersion());
        assertEquals(List.of(1, 2), List.copyOf(ring.versions()));
    }

    @Test
    void unreadableFileIsNamed(@TempDir Path dir) {
        Path missing = dir.resolve("absent");

        assertRejected(() -> MasterKeyRing.fromFile(missing), "cannot read master key file " + missing);
    }

    @Test
    void emptySpecSaysWhatIsExpected() {
        assertRejected(() -> MasterKeyRing.parse(""), "no master key given: expected VERSION:BASE64KEY");
        assertRejected(() -> MasterKeyRing.parse(null), "no master key given");
        assertRejected(() -> MasterKeyRing.parse(" , "), "no master key given");
    }

    @Test
    void keyWithoutVersionIsRefusedWithoutEchoingIt() {
        assertRejected(() -> MasterKeyRing.parse(KEY_A), "master key entry #1: expected VERSION:BASE64KEY");
    }

    @Test
    void keyWrittenWhereTheVersionBelongsIsNotEchoed() {
        String reversed = KEY_A.replace("=", "") + ":1";

        assertRejected(() -> MasterKeyRing.parse(reversed), "entry #1: the version before ':' must be a positive integer");
        assertRejected(() -> MasterKeyRing.parse("0:" + KEY_A), "must be a positive integer");
    }

    @Test
    void shortKeyIsRefusedWithItsLength() {
        String aes128 = Base64.getEncoder().encodeToString(new byte[16]);

        assertRejected(() -> MasterKeyRing.parse("1:" + KEY_A + ",2:" + aes128),
                "master key entry #2 (version 2): the key is 16 bytes, AES-256 needs 32");
    }

    @Test
    void nonBase64KeyIsRefused() {
        assertRejected(() -> MasterKeyRing.parse("1:not*base64!"), "master key entry #1 (version 1): the key is not valid base64");
    }

    @Test
    void duplicateVersionIsRefused() {
        assertRejected(() -> MasterKeyRing.parse("1:" + KEY_A + ",1:" + KEY_B), "entry #2 (version 1): version 1 is given twice");
    }

    private static void assertRejected(org.junit.jupiter.api.function.Executable parse, String expectedMessagePart) {
        MasterKeyConfigException e = assertThrows(MasterKeyConfigException.class, parse);
        assertTrue(e.getMessage().contains(expectedMessagePart), e.getMessage());
        for (String key : List.of(KEY_A, KEY_B, KEY_A.substring(0, 12), KEY_B.substring(0, 12))) {
            assertFalse(e.getMessage().contains(key), "message leaks key material: " + e.getMessage());
        }
    }
}
