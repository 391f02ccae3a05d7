package sluice.router;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * A master key ring for one test JVM: random, so no test secret is sealed under a known key. Two
 * versions (2 seals), so a test can seal under the older one and rotate.
 */
public final class TestMasterKey {
    public static final String RING = "1:" + randomKey() + ",2:" + randomKey();

    private TestMasterKey() {
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
