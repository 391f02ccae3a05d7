package sluice.keystore;

import java.time.Instant;

/**
 * A provider key as APIs and logs may show it: settings, state, and the secret only as a
 * fingerprint and a masked hint ({@code sk-...abcd}). Holds no secret material at all.
 */
public record ProviderKeyView(
        String id,
        String providerId,
        String label,
        KeyLimits limits,
        int weight,
        KeyStatus status,
        String statusReason,
        String fingerprint,
        String secretHint,
        int masterKeyVersion,
        Instant createdAt,
        Instant rotatedAt,
        Instant updatedAt,
        Instant exhaustedUntil) {

    public static ProviderKeyView of(ProviderKeyEntity key) {
        KeySettings settings = key.settings();
        return new ProviderKeyView(key.id(), key.providerId(), settings.label(), settings.limits(), settings.weight(),
                key.status(), key.statusReason(), key.fingerprint(), key.secretHint(), key.sealedSecret().keyVersion(),
                key.createdAt(), key.rotatedAt(), key.updatedAt(), key.exhaustedUntil());
    }
}
