package sluice.keystore;

import java.util.Arrays;

/** The API dialect a provider speaks. Stored as {@link #dbValue()}. */
public enum ProviderKind {
    /** OpenAI Chat Completions ({@code /v1/chat/completions}), as DeepSeek, Qwen, GLM, Kimi, Gemini offer */
    OPENAI_COMPATIBLE("openai-compatible"),
    /** Anthropic Messages ({@code /v1/messages}) */
    ANTHROPIC("anthropic");

    private final String dbValue;

    ProviderKind(String dbValue) {
        this.dbValue = dbValue;
    }

    public String dbValue() {
        return dbValue;
    }

    /**
     * @throws InvalidKeyStoreInputException (field {@code kind}) for an unknown dialect
     */
    public static ProviderKind fromDbValue(String value) {
        return Arrays.stream(values())
                .filter(k -> k.dbValue.equals(value))
                .findFirst()
                .orElseThrow(() -> new InvalidKeyStoreInputException("kind", "must be one of openai-compatible, anthropic"));
    }
}
