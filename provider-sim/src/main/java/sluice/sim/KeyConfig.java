package sluice.sim;

/**
 * JSON form of one key, in the config file's {@code keys} object and in the body of
 * {@code PUT /_sim/keys/{key}}. Absent limits are 0 (unlimited); absent faults leave the key's
 * faults as they are.
 */
record KeyConfig(Long rpm, Long tpm, Long rpd, Integer concurrency, WindowPolicy window,
                 Faults faults) {

    KeyLimits limits() {
        return new KeyLimits(orZero(rpm), orZero(tpm), orZero(rpd),
                concurrency == null ? 0 : concurrency, window);
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
