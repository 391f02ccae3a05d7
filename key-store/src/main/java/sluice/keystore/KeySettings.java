package sluice.keystore;

/**
 * The operator-chosen settings of a provider key: a label for people, its limits, and its weight
 * in key selection (a key of weight 2 gets about twice the traffic of a key of weight 1).
 *
 * @throws InvalidKeyStoreInputException for a blank or overlong label, missing limits, or a weight
 *         outside 1..{@value #MAX_WEIGHT}
 */
public record KeySettings(String label, KeyLimits limits, int weight) {
    public static final int MAX_LABEL_LENGTH = 200;
    public static final int MAX_WEIGHT = 1000;

    public KeySettings {
        if (label == null || label.isBlank()) {
            throw new InvalidKeyStoreInputException("label", "is required");
        }
        if (label.length() > MAX_LABEL_LENGTH) {
            throw new InvalidKeyStoreInputException("label", "is longer than " + MAX_LABEL_LENGTH + " characters");
        }
        if (limits == null) {
            throw new InvalidKeyStoreInputException("limits", "is required");
        }
        if (weight < 1 || weight > MAX_WEIGHT) {
            throw new InvalidKeyStoreInputException("weight", "must be between 1 and " + MAX_WEIGHT + ", got " + weight);
        }
    }
}
