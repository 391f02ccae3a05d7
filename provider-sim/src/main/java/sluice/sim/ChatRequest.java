package sluice.sim;

/**
 * What the simulator needs from a Chat Completions request.
 *
 * @param model the requested model id, echoed in the answer
 * @param promptTokens prompt tokens as {@link TokenCounter#promptTokens} prices them
 * @param maxTokens max_completion_tokens, else max_tokens, else -1
 * @param stream whether the client asked for server-sent events
 * @param includeUsage whether stream_options.include_usage asked for a usage chunk
 * @param toolCall the call to answer with, as {@link ToolChoiceRule} decides, or {@code null}
 *     to answer with text
 */
record ChatRequest(String model, int promptTokens, int maxTokens, boolean stream,
                   boolean includeUsage, ToolCall toolCall) {
}
