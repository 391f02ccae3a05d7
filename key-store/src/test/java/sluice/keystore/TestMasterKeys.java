package sluice.keystore;

import java.security.SecureRandom;
import java.util.Base64;

/** Random master keys for tests, made once per JVM, in the {@link MasterKeyRing#parse} format. */
final class TestMasterKeys {
    static final String V1 = randomKey();
    static final String V2 = randomKey();

    private TestMasterKeys() {
    }

    static MasterKeyRing ring(String spec) {
        return MasterKeyRing.parse(spec);
    }

    /** @return the ring the application under test starts with: version 1 only */
    static MasterKeyRing version1() {
        return ring("1:" + V1);
    }

    /** @return versions 1 and 2, version 2 current */
    static MasterKeyRing versions1And2() {
        return ring("1:" + V1 + ",2:" + V2);
    }

    static String randomKey() {
        byte[] key = new byte[MasterKeyRing.KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
