package sluice.router.admin;

import sluice.keystore.KeyStatus;
import sluice.keystore.ProviderKeyView;

import java.time.Instant;

/**
 * A provider key as the admin API shows it: its record in PostgreSQL (never the secret: a masked
 * hint and a fingerprint) and its live state in Redis. {@code state} sums both up: {@code revoked},
 * {@code disabled}, {@code exhausted}, {@code cooling}, {@code active}, or {@code unknown} when
 * Redis could not be read ({@code live} is then absent).
 */
public record AdminKeyView(String id, String provider, String label, String status, String statusReason, int weight,
                           KeyLimitsView limits, String fingerprint, String secretHint, int masterKeyVersion,
                           Instant createdAt, Instant rotatedAt, Instant updatedAt, String state, LiveKeyState live) {

    static AdminKeyView of(ProviderKeyView key, LiveKeyState live) {
        return new AdminKeyView(key.id(), key.providerId(), key.label(), key.status().dbValue(), key.statusReason(),
                key.weight(), KeyLimitsView.of(key.limits()), key.fingerprint(), key.secretHint(),
                key.masterKeyVersion(), key.createdAt(), key.rotatedAt(), key.updatedAt(), summary(key, live), live);
    }

    private static String summary(ProviderKeyView key, LiveKeyState live) {
        if (key.status() == KeyStatus.REVOKED) {
            return "revoked";
        }
        if (key.status() == KeyStatus.DISABLED || (live != null && live.disabled())) {
            return "disabled";
        }
        if (live == null) {
            return "unknown";
        }
        if (live.exhaustedUntil() != null) {
            return "exhausted";
        }
        return live.cooldownUntil() != null ? "cooling" : "active";
    }
}
