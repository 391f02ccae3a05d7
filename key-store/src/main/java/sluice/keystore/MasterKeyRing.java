package sluice.keystore;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.NavigableMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The versioned AES-256 master keys that seal provider key secrets. New secrets are sealed with
 * the {@link #currentVersion() current version}; every version in the ring can open what it sealed,
 * so a ring {@code 1:…,2:…} with current version 2 reads old rows while
 * {@link ProviderKeyService#reencryptAll()} moves them to version 2.
 *
 * <p>Master keys come from the environment or a mounted secret file, never from the database.
 * {@link #toString()} shows versions only.
 */
public final class MasterKeyRing {
    /** AES-256: a master key is exactly 32 bytes. */
    public static final int KEY_BYTES = 32;
    private static final String FORMAT = "VERSION:BASE64KEY[,VERSION:BASE64KEY...]";

    private final NavigableMap<Integer, SecretKey> keys;
    private final int currentVersion;

    private MasterKeyRing(NavigableMap<Integer, SecretKey> keys, int currentVersion) {
        this.keys = Collections.unmodifiableNavigableMap(keys);
        this.currentVersion = currentVersion;
    }

    /**
     * Parses {@code 1:BASE64KEY,2:BASE64KEY}: entries separated by commas or whitespace, each a
     * positive version, a colon and 32 bytes in standard base64. The highest version is current;
     * choose another with {@link #withCurrentVersion(int)}.
     *
     * @throws MasterKeyConfigException naming the faulty entry by position (and version when it
     *         parsed), without echoing any key material
     */
    public static MasterKeyRing parse(String spec) {
        String[] entries = spec == null ? new String[0] : spec.strip().split("[,\\s]+");
        if (entries.length == 0 || entries[0].isEmpty()) {
            throw new MasterKeyConfigException("no master key given: expected " + FORMAT);
        }
        NavigableMap<Integer, SecretKey> keys = new TreeMap<>();
        for (int i = 0; i < entries.length; i++) {
            addEntry(keys, entries[i], i + 1);
        }
        return new MasterKeyRing(keys, keys.lastKey());
    }

    /**
     * Reads a key ring from a file (e.g. a mounted Kubernetes secret) in the {@link #parse} format;
     * entries may be on separate lines, lines starting with {@code #} are comments.
     *
     * @throws MasterKeyConfigException when the file cannot be read or its content is invalid
     */
    public static MasterKeyRing fromFile(Path file) {
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MasterKeyConfigException("cannot read master key file " + file + ": " + e.getClass().getSimpleName());
        }
        String withoutComments = content.lines()
                .filter(line -> !line.strip().startsWith("#"))
                .collect(Collectors.joining("\n"));
        return parse(withoutComments);
    }

    /**
     * @return a ring with the same keys that seals with {@code version}; used during a staged
     *         rotation (first roll out the new key without using it, then make it current)
     * @throws MasterKeyConfigException when the ring has no such version
     */
    public MasterKeyRing withCurrentVersion(int version) {
        if (!keys.containsKey(version)) {
            throw new MasterKeyConfigException("current master key version " + version
                    + " is not in the key ring (versions " + versions() + ")");
        }
        return new MasterKeyRing(new TreeMap<>(keys), version);
    }

    /** @return the version new secrets are sealed with */
    public int currentVersion() {
        return currentVersion;
    }

    /** @return every version this ring can open, ascending */
    public SortedSet<Integer> versions() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(keys.keySet()));
    }

    SecretKey currentKey() {
        return keys.get(currentVersion);
    }

    /** @return the key of {@code version}, or {@code null} when the ring lacks it */
    SecretKey key(int version) {
        return keys.get(version);
    }

    /** @return versions only, e.g. {@code MasterKeyRing[current=2, versions=[1, 2]]} */
    @Override
    public String toString() {
        return "MasterKeyRing[current=" + currentVersion + ", versions=" + versions() + "]";
    }

    private static void addEntry(NavigableMap<Integer, SecretKey> keys, String entry, int position) {
        String where = "master key entry #" + position;
        int colon = entry.indexOf(':');
        if (colon <= 0 || colon == entry.length() - 1) {
            throw new MasterKeyConfigException(where + ": expected VERSION:BASE64KEY");
        }
        int version = parseVersion(entry.substring(0, colon), where);
        where = where + " (version " + version + ")";
        if (keys.containsKey(version)) {
            throw new MasterKeyConfigException(where + ": version " + version + " is given twice");
        }
        byte[] raw = decodeKey(entry.substring(colon + 1), where);
        try {
            keys.put(version, new SecretKeySpec(raw, "AES"));
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    private static int parseVersion(String text, String where) {
        int version;
        try {
            version = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            version = -1;
        }
        if (version <= 0) {
            // the text itself is not echoed: it may be key material written in the wrong place
            throw new MasterKeyConfigException(where + ": the version before ':' must be a positive integer");
        }
        return version;
    }

    private static byte[] decodeKey(String base64, String where) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new MasterKeyConfigException(where + ": the key is not valid base64");
        }
        if (raw.length != KEY_BYTES) {
            int length = raw.length;
            Arrays.fill(raw, (byte) 0);
            throw new MasterKeyConfigException(where + ": the key is " + length + " bytes, AES-256 needs "
                    + KEY_BYTES + " (generate one with: openssl rand -base64 32)");
        }
        return raw;
    }
}
