package sluice.sim;

/**
 * Filler text (see {@link CompletionText}); the stream sends it in pieces of
 * {@code tokensPerChunk} tokens and is cut after half of them (at least one).
 *
 * @param text the completion and its stream pieces
 * @param completionTokens tokens of {@code text}
 * @param finishReason {@code length} when max_tokens cut the text short, else {@code stop}
 */
record TextReply(CompletionText.Completion text, int completionTokens, String finishReason)
        implements Reply {

    /**
     * @param configuredTokens the completion length the faults in force ask for
     * @param maxTokens the request's max_tokens, or -1
     */
    static TextReply of(CompletionText texts, int configuredTokens, int maxTokens) {
        int length = maxTokens >= 0 ? Math.min(configuredTokens, maxTokens) : configuredTokens;
        return new TextReply(texts.ofLength(length), length,
                length < configuredTokens ? "length" : "stop");
    }

    @Override
    public String completion(ChatCompletionJson json, int promptTokens) {
        return json.completion(text.text(), finishReason, promptTokens, completionTokens);
    }

    @Override
    public int pieceCount() {
        return text.pieces().size();
    }

    @Override
    public String pieceChunk(ChatCompletionJson json, int piece) {
        return json.contentChunk(text.pieces().get(piece));
    }

    @Override
    public int pieceTokens(int piece) {
        return text.pieceTokens()[piece];
    }

    @Override
    public int cutAfterPieces() {
        return Math.max(1, pieceCount() / 2);
    }
}
