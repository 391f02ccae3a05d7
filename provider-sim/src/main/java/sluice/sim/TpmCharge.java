package sluice.sim;

import com.fasterxml.jackson.annotation.JsonCreator;

/** When and how much a request is charged against its key's tokens-per-minute limit. */
public enum TpmCharge {
    /**
     * At arrival, charge prompt tokens + max_tokens (or + the configured completion length when
     * the request sets no max_tokens); admit only if that fits. Nothing is charged afterwards.
     */
    PROMPT_PLUS_MAX_TOKENS("max-tokens"),
    /**
     * At arrival, admit if the tokens used so far are below the limit and charge the prompt;
     * charge the completion tokens when the completion has been produced.
     */
    PROMPT_PLUS_ACTUAL("actual");

    private final String shortName;

    TpmCharge(String shortName) {
        this.shortName = shortName;
    }

    /** @return the CLI / config spelling: max-tokens or actual */
    public String shortName() {
        return shortName;
    }

    /**
     * Parses {@code max-tokens|actual} or the enum constant name, case-insensitively.
     *
     * @throws IllegalArgumentException when the text names no mode
     */
    @JsonCreator
    public static TpmCharge parse(String text) {
        for (TpmCharge charge : values()) {
            if (charge.shortName.equalsIgnoreCase(text) || charge.name().equalsIgnoreCase(text)) {
                return charge;
            }
        }
        throw new IllegalArgumentException("unknown TPM charge mode '" + text
                + "' (expected max-tokens or actual)");
    }
}
