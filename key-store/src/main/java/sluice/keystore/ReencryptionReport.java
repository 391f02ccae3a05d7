package sluice.keystore;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of {@link ProviderKeyService#reencryptAll()}: how many secrets moved to the current
 * master key version, and the ids of keys whose secret would not decrypt with the ring (they keep
 * their old ciphertext; give them a new secret with {@code rotateSecret} or delete them).
 */
public record ReencryptionReport(int reencrypted, List<String> undecryptableKeyIds) {
    static final ReencryptionReport NOTHING = new ReencryptionReport(0, List.of());

    public ReencryptionReport {
        undecryptableKeyIds = List.copyOf(undecryptableKeyIds);
    }

    /** @return whether every secret is now sealed with the current master key version */
    public boolean complete() {
        return undecryptableKeyIds.isEmpty();
    }

    ReencryptionReport plus(ReencryptionReport other) {
        List<String> failed = new ArrayList<>(undecryptableKeyIds);
        failed.addAll(other.undecryptableKeyIds);
        return new ReencryptionReport(reencrypted + other.reencrypted, failed);
    }
}
