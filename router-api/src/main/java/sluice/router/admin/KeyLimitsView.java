package sluice.router.admin;

import sluice.keystore.KeyLimits;

/** A provider key's configured limits; 0 means unlimited. */
public record KeyLimitsView(long rpm, long tpm, long rpd, long tpd, int maxConcurrent, String dailyResetZone) {

    static KeyLimitsView of(KeyLimits limits) {
        return new KeyLimitsView(limits.rpm(), limits.tpm(), limits.rpd(), limits.tpd(), limits.maxConcurrent(),
                limits.dailyResetZone().getId());
    }
}
