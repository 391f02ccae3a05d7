package sluice.router.admin;

import sluice.keystore.KeyLimits;

/**
 * Provider key limits as a request sends them: every field optional. On create, a missing field is
 * 0 (unlimited) and the zone UTC; on update, a missing field keeps its current value.
 */
public record KeyLimitsBody(Long rpm, Long tpm, Long rpd, Long tpd, Integer maxConcurrent, String dailyResetZone) {

    /**
     * @return {@code base} with the fields this body sets replaced
     * @throws sluice.keystore.InvalidKeyStoreInputException (field {@code limits.<name>}) for a
     *         negative value or an unknown zone
     */
    public KeyLimits over(KeyLimits base) {
        return new KeyLimits(
                rpm != null ? rpm : base.rpm(),
                tpm != null ? tpm : base.tpm(),
                rpd != null ? rpd : base.rpd(),
                tpd != null ? tpd : base.tpd(),
                maxConcurrent != null ? maxConcurrent : base.maxConcurrent(),
                dailyResetZone != null ? KeyLimits.zone(dailyResetZone) : base.dailyResetZone());
    }
}
