package sluice.keystore;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The shape of a client key: {@value #PREFIX} followed by {@value #RANDOM_CHARS} base62 characters
 * from a {@link SecureRandom} (about 238 bits), e.g. {@code sk-slc-4Fq9...}. Only its SHA-256 is
 * stored: with that much randomness a plain hash cannot be reversed by guessing, so no slow
 * password hash (and no per-key salt) is needed, and the hash is itself the lookup key.
 */
final class ClientKeyFormat {
    static final String PREFIX = "sk-slc-";
    static final int RANDOM_CHARS = 40;
    static final int LENGTH = PREFIX.length() + RANDOM_CHARS;
    /** Shown to people: the prefix and 4 random characters, enough to tell a tenant's keys apart. */
    static final int DISPLAY_LENGTH = PREFIX.length() + 4;
    private static final char[] BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

    private ClientKeyFormat() {
    }

    /** @return a new random client key; the caller closes it once shown */
    static ClearSecret generate(SecureRandom random) {
        char[] chars = new char[LENGTH];
        PREFIX.getChars(0, PREFIX.length(), chars, 0);
        for (int i = PREFIX.length(); i < LENGTH; i++) {
            chars[i] = BASE62[random.nextInt(BASE62.length)];
        }
        try {
            return ClearSecret.of(chars);
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    /** @return whether {@code presented} has the shape of a client key: worth a database look-up */
    static boolean wellFormed(String presented) {
        if (presented == null || presented.length() != LENGTH || !presented.startsWith(PREFIX)) {
            return false;
        }
        for (int i = PREFIX.length(); i < LENGTH; i++) {
            char c = presented.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
                return false;
            }
        }
        return true;
    }

    /** @return SHA-256 of the key's UTF-8 bytes, as stored in {@code client_keys.key_hash} */
    static byte[] hash(ClearSecret key) {
        byte[] utf8 = key.toUtf8();
        try {
            return sha256(utf8);
        } finally {
            Arrays.fill(utf8, (byte) 0);
        }
    }

    /** @return SHA-256 of a presented key's UTF-8 bytes */
    static byte[] hash(String presented) {
        return sha256(presented.getBytes(StandardCharsets.UTF_8));
    }

    /** @return the start of the key shown in lists, e.g. {@code sk-slc-4Fq9} */
    static String displayPrefix(ClearSecret key) {
        char[] chars = key.toCharArray();
        try {
            return new String(chars, 0, DISPLAY_LENGTH);
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
