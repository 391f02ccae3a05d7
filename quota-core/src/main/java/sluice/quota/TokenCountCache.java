package sluice.quota;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToIntFunction;

/**
 * Remembers the token counts of long texts. Coding agents send their whole conversation and the
 * same tool definitions on every turn: without this the tokenizer would count the same hundred
 * kilobytes again on each call (about 1 ms per 16 KB on the machines of docs/benchmarks.md),
 * while a SHA-256 of the text costs a few per cent of that. Texts are never kept: the key is
 * the first 128 bits of the digest of the text's UTF-8 bytes and the encoding's name, so a
 * client can neither read other prompts back nor craft a collision. Bounded: when full, it is
 * emptied and fills again with what is sent now. Thread-safe.
 */
final class TokenCountCache {
    /** Shorter texts are counted directly: the tokenizer is as cheap as the digest there. */
    static final int MIN_CHARS = 1024;

    private final int maxEntries;
    private final ConcurrentHashMap<Key, Integer> counts = new ConcurrentHashMap<>();

    private record Key(String encoding, long high, long low) {
    }

    /** @param maxEntries how many counts to keep (each ≈ 100 bytes); 0 turns the cache off */
    TokenCountCache(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    /** The count of {@code text} under {@code encoding}, from the cache or from {@code counter}. */
    int count(String encoding, String text, ToIntFunction<String> counter) {
        if (maxEntries == 0 || text.length() < MIN_CHARS) {
            return counter.applyAsInt(text);
        }
        Key key = key(encoding, text);
        Integer known = counts.get(key);
        if (known != null) {
            return known;
        }
        int counted = counter.applyAsInt(text);
        if (counts.size() >= maxEntries) {
            counts.clear();
        }
        counts.put(key, counted);
        return counted;
    }

    int size() {
        return counts.size();
    }

    private static Key key(String encoding, String text) {
        byte[] digest = sha256().digest(text.getBytes(StandardCharsets.UTF_8));
        return new Key(encoding, longAt(digest, 0), longAt(digest, 8));
    }

    private static long longAt(byte[] bytes, int from) {
        long value = 0;
        for (int i = from; i < from + 8; i++) {
            value = value << 8 | (bytes[i] & 0xFF);
        }
        return value;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
