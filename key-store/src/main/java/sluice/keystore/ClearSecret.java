package sluice.keystore;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A provider API key in clear, held only in memory for as long as a request needs it.
 *
 * <p>{@link #toString()} is masked, so logging a {@code ClearSecret} by mistake leaks nothing;
 * {@link #reveal()} is the one, explicit way to read it. {@link #close()} wipes the characters
 * (best effort: a {@code String} made by {@code reveal()} lives until the garbage collector takes
 * it, so call {@code reveal()} as late as possible, at send time).
 */
public final class ClearSecret implements AutoCloseable {
    /** Longest secret accepted; real provider keys are well under 300 characters. */
    public static final int MAX_LENGTH = 4096;
    /** Secrets shorter than this get no hint at all: first 3 + last 4 characters would reveal too much. */
    static final int HINT_MIN_LENGTH = 16;
    static final String MASK = "***";
    private static final int FINGERPRINT_HEX_CHARS = 8;

    private final char[] chars;
    private boolean wiped;

    private ClearSecret(char[] chars) {
        this.chars = chars;
    }

    /**
     * @throws InvalidKeyStoreInputException (field {@code secret}) when blank, too long or holding
     *         whitespace or control characters (it goes into an HTTP header)
     */
    public static ClearSecret of(String value) {
        if (value == null) {
            throw new InvalidKeyStoreInputException("secret", "is required");
        }
        char[] chars = value.toCharArray();
        validate(chars);
        return new ClearSecret(chars);
    }

    /** Copies {@code value}; the caller may wipe its array afterwards. */
    public static ClearSecret of(char[] value) {
        validate(value);
        return new ClearSecret(value.clone());
    }

    /** Decodes UTF-8 bytes (as decrypted) without making a {@code String}; wipes the decoder's buffer. */
    static ClearSecret fromUtf8(byte[] utf8) {
        CharBuffer decoded = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(utf8));
        char[] copy = Arrays.copyOfRange(decoded.array(), decoded.position(), decoded.limit());
        Arrays.fill(decoded.array(), '\0');
        return new ClearSecret(copy);
    }

    /** @return the secret as a {@code String}, for the one place that sends it upstream */
    public String reveal() {
        return new String(liveChars());
    }

    /** @return a copy of the characters; the caller should wipe it after use */
    public char[] toCharArray() {
        return liveChars().clone();
    }

    /** @return UTF-8 bytes of the secret; the caller must wipe them after use */
    byte[] toUtf8() {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(liveChars()));
        byte[] copy = Arrays.copyOfRange(encoded.array(), encoded.position(), encoded.limit());
        Arrays.fill(encoded.array(), (byte) 0);
        return copy;
    }

    /** @return the masked form shown to operators: first 3 and last 4 characters, {@code sk-...abcd} */
    public String hint() {
        char[] c = liveChars();
        if (c.length < HINT_MIN_LENGTH) {
            return MASK;
        }
        return new String(c, 0, 3) + "..." + new String(c, c.length - 4, 4);
    }

    /** @return the first 8 hex digits of the SHA-256 of the secret's UTF-8 bytes, for display */
    public String fingerprint() {
        byte[] utf8 = toUtf8();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(utf8);
            return HexFormat.of().formatHex(digest).substring(0, FINGERPRINT_HEX_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        } finally {
            Arrays.fill(utf8, (byte) 0);
        }
    }

    /** Compares in constant time. */
    public boolean sameAs(ClearSecret other) {
        byte[] mine = toUtf8();
        byte[] theirs = other.toUtf8();
        try {
            return MessageDigest.isEqual(mine, theirs);
        } finally {
            Arrays.fill(mine, (byte) 0);
            Arrays.fill(theirs, (byte) 0);
        }
    }

    /** Overwrites the characters; later reads throw {@link IllegalStateException}. */
    @Override
    public void close() {
        Arrays.fill(chars, '\0');
        wiped = true;
    }

    /** @return {@code ClearSecret[***]}: never the secret, not even its hint */
    @Override
    public String toString() {
        return "ClearSecret[" + MASK + "]";
    }

    private char[] liveChars() {
        if (wiped) {
            throw new IllegalStateException("this secret was closed and wiped");
        }
        return chars;
    }

    private static void validate(char[] value) {
        if (value == null || value.length == 0) {
            throw new InvalidKeyStoreInputException("secret", "is required");
        }
        if (value.length > MAX_LENGTH) {
            throw new InvalidKeyStoreInputException("secret", "is longer than " + MAX_LENGTH + " characters");
        }
        for (char c : value) {
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                throw new InvalidKeyStoreInputException("secret", "must not contain whitespace or control characters");
            }
        }
    }
}
