package sluice.sim;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes the JSON of one answer: a {@code chat.completion} object or the
 * {@code chat.completion.chunk} SSE messages of a stream. Built by string concatenation around
 * a per-answer prefix: the completion text holds only ASCII words and spaces, and the model id
 * is JSON-escaped once and cached.
 */
final class ChatCompletionJson {

    /** Last SSE message of a stream. */
    static final String DONE = "data: [DONE]\n\n";

    private static final int MAX_CACHED_MODELS = 256;
    private static final ConcurrentHashMap<String, String> QUOTED_MODELS =
            new ConcurrentHashMap<>();

    private final String head;
    private final String chunkPrefix;

    /**
     * @param id the answer id ({@code chatcmpl-...})
     * @param createdSeconds the {@code created} field, Unix seconds
     * @param model the requested model id (unescaped)
     */
    ChatCompletionJson(String id, long createdSeconds, String model) {
        this.head = "\"id\":\"" + id + "\",\"created\":" + createdSeconds + ",\"model\":"
                + quotedModel(model) + ",";
        this.chunkPrefix = "data: {" + head + "\"object\":\"chat.completion.chunk\",";
    }

    String completion(String text, String finishReason, int promptTokens,
                      int completionTokens) {
        return "{" + head + "\"object\":\"chat.completion\",\"choices\":[{\"index\":0,"
                + "\"message\":{\"role\":\"assistant\",\"content\":\"" + text
                + "\",\"refusal\":null},\"logprobs\":null,\"finish_reason\":\"" + finishReason
                + "\"}]," + usage(promptTokens, completionTokens) + "}";
    }

    String roleChunk() {
        return chunk("{\"role\":\"assistant\",\"content\":\"\"}", "null");
    }

    String contentChunk(String piece) {
        return chunk("{\"content\":\"" + piece + "\"}", "null");
    }

    String finishChunk(String finishReason) {
        return chunk("{}", "\"" + finishReason + "\"");
    }

    String usageChunk(int promptTokens, int completionTokens) {
        return chunkPrefix + "\"choices\":[]," + usage(promptTokens, completionTokens) + "}\n\n";
    }

    private String chunk(String delta, String finishReason) {
        return chunkPrefix + "\"choices\":[{\"index\":0,\"delta\":" + delta
                + ",\"logprobs\":null,\"finish_reason\":" + finishReason + "}]}\n\n";
    }

    private static String usage(int promptTokens, int completionTokens) {
        return "\"usage\":{\"prompt_tokens\":" + promptTokens + ",\"completion_tokens\":"
                + completionTokens + ",\"total_tokens\":" + (promptTokens + completionTokens)
                + "}";
    }

    private static String quotedModel(String model) {
        String quoted = QUOTED_MODELS.get(model);
        if (quoted == null) {
            quoted = "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(model))
                    + "\"";
            if (QUOTED_MODELS.size() < MAX_CACHED_MODELS) {
                QUOTED_MODELS.put(model, quoted);
            }
        }
        return quoted;
    }
}
