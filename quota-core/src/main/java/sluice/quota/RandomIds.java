package sluice.quota;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Unique, not unpredictable, ids for the hot path: request ids and lease ids need only never to
 * repeat, so they come from {@link ThreadLocalRandom} (no lock, no entropy pool) instead of
 * {@link UUID#randomUUID()}'s {@link SecureRandom}. So that two replicas whose thread-local
 * generators happened to start from the same seed still differ, every id is mixed with a salt drawn
 * once per process from {@link SecureRandom}. Never use these where guessing must be hard (tokens).
 */
public final class RandomIds {
    private static final long SALT_HIGH;
    private static final long SALT_LOW;

    static {
        SecureRandom seed = new SecureRandom();
        SALT_HIGH = seed.nextLong();
        SALT_LOW = seed.nextLong();
    }

    private RandomIds() {
    }

    /** A version-4-shaped UUID string (122 random bits), e.g. for a request id. */
    public static String uuid() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() ^ SALT_HIGH) & ~0xF000L | 0x4000L;
        long low = (random.nextLong() ^ SALT_LOW) & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
    }

    /** 32 random bits as 8 hex digits: a suffix that tells apart the leases of one request. */
    public static String hex8() {
        long bits = (ThreadLocalRandom.current().nextInt() ^ SALT_LOW) & 0xFFFF_FFFFL;
        return Long.toHexString(0x1_0000_0000L | bits).substring(1);
    }
}
