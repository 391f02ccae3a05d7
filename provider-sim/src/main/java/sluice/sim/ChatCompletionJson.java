package sluice.sim;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes the JSON of one answer: a {@code chat.completion} object or the
 * {@code chat.completion.chunk} SSE messages of a stream. Built by string concatenation around
 * a per-answer prefix: the completion text holds only ASCII words and spaces, the model id is
 * JSON-escaped once and cached, and tool names and arguments are JSON-escaped as written.
 */
final class ChatCompletionJson {

    /** Last SSE message of a stream. */
    static final String DONE = "data: [DONE]\n\n";

    private static final int MAX_CACHED_MODELS = 256;
    private static final ConcurrentHashMap<String, String> QUOTED_MODELS =
            new ConcurrentHashMap<>();
    private static final String ID_PREFIX = "chatcmpl-";

    private final String id;
    private final String head;
    private final String chunkPrefix;

    /**
     * @param id the answer id ({@code chatcmpl-...})
     * @param createdSeconds the {@code created} field, Unix seconds
     * @param model the requested model id (unescaped)
     */
    ChatCompletionJson(String id, long createdSeconds, String model) {
        this.id = id;
        this.head = "\"id\":\"" + id + "\",\"created\":" + createdSeconds + ",\"model\":"
                + quotedModel(model) + ",";
        this.chunkPrefix = "data: {" + head + "\"object\":\"chat.completion.chunk\",";
    }

    String completion(String text, String finishReason, int promptTokens,
                      int completionTokens) {
        return completionOf("{\"role\":\"assistant\",\"content\":\"" + text
                + "\",\"refusal\":null}", finishReason, promptTokens, completionTokens);
    }

    /** @return a {@code chat.completion} whose message is the call, finish reason tool_calls */
    String toolCallCompletion(ToolCall call, int promptTokens) {
        return completionOf("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":"
                + toolCallId() + ",\"type\":\"function\",\"function\":{\"name\":"
                + quote(call.name()) + ",\"arguments\":" + quote(call.arguments())
                + "}}],\"refusal\":null}", "tool_calls", promptTokens, call.tokens());
    }

    String roleChunk() {
        return chunk("{\"role\":\"assistant\",\"content\":\"\"}", "null");
    }

    String contentChunk(String piece) {
        return chunk("{\"content\":\"" + piece + "\"}", "null");
    }

    /** @return the chunk opening the tool call: its id, type and name, empty arguments */
    String toolCallStartChunk(String name) {
        return chunk("{\"tool_calls\":[{\"index\":0,\"id\":" + toolCallId()
                + ",\"type\":\"function\",\"function\":{\"name\":" + quote(name)
                + ",\"arguments\":\"\"}}]}", "null");
    }

    /** @return a chunk carrying the next fragment of the tool call's arguments */
    String toolArgumentsChunk(String fragment) {
        return chunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":"
                + quote(fragment) + "}}]}", "null");
    }

    String finishChunk(String finishReason) {
        return chunk("{}", "\"" + finishReason + "\"");
    }

    String usageChunk(int promptTokens, int completionTokens) {
        return chunkPrefix + "\"choices\":[]," + usage(promptTokens, completionTokens) + "}\n\n";
    }

    /** @return the quoted id of the answer's tool call, {@code call_} + the answer id's tail */
    private String toolCallId() {
        return quote("call_" + (id.startsWith(ID_PREFIX) ? id.substring(ID_PREFIX.length())
                : id));
    }

    private String completionOf(String message, String finishReason, int promptTokens,
                                int completionTokens) {
        return "{" + head + "\"object\":\"chat.completion\",\"choices\":[{\"index\":0,"
                + "\"message\":" + message + ",\"logprobs\":null,\"finish_reason\":\""
                + finishReason + "\"}]," + usage(promptTokens, completionTokens) + "}";
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
            quoted = quote(model);
            if (QUOTED_MODELS.size() < MAX_CACHED_MODELS) {
                QUOTED_MODELS.put(model, quoted);
            }
        }
        return quoted;
    }

    private static String quote(String text) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
    }
}
