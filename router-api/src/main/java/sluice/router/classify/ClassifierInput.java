package sluice.router.classify;

import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The request features the classifier looks at, extracted once from the parsed body.
 *
 * @param explicitModel     the {@code provider/model} the client named (a model field containing
 *                          '/'), or {@code null}
 * @param hasThinkingParam  an enabled reasoning/thinking parameter (OpenAI {@code reasoning_effort},
 *                          Anthropic/GLM/DeepSeek {@code thinking}, Qwen {@code enable_thinking})
 * @param promptTokens      tokens of the whole prompt, counted by the gateway's tokenizer
 * @param hasWebSearchTool  a web-search tool or option is offered to the model
 * @param hasTools          tools, functions or a tool choice are present
 * @param hasImageParts     some message carries an image part
 * @param userTexts         text of the last few user messages, oldest first (the last one weighs most)
 * @param systemText        system/developer instructions, or {@code null}
 */
public record ClassifierInput(
        String explicitModel,
        boolean hasThinkingParam,
        int promptTokens,
        boolean hasWebSearchTool,
        boolean hasTools,
        boolean hasImageParts,
        List<String> userTexts,
        String systemText) {

    /** How many trailing user messages the extractors keep. */
    public static final int USER_MESSAGES_KEPT = 3;

    public ClassifierInput {
        if (promptTokens < 0) {
            throw new IllegalArgumentException("promptTokens must be >= 0, was " + promptTokens);
        }
        userTexts = userTexts == null ? List.of() : List.copyOf(userTexts);
    }

    /** Only text, no request features: what a plain chat request looks like. */
    public static ClassifierInput ofUserText(String userText) {
        return new ClassifierInput(null, false, 0, false, false, false, List.of(userText), null);
    }

    /**
     * Extracts the features of an OpenAI Chat Completions body. Malformed parts are skipped, never
     * thrown on: classifying is best effort and validation belongs to the request parser.
     */
    public static ClassifierInput fromOpenAi(JsonObject body, int promptTokens) {
        return RequestFeatureReader.openAi(body, promptTokens);
    }

    /** Extracts the features of an Anthropic Messages body, best effort like {@link #fromOpenAi}. */
    public static ClassifierInput fromAnthropic(JsonObject body, int promptTokens) {
        return RequestFeatureReader.anthropic(body, promptTokens);
    }
}
