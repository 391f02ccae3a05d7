package sluice.sim;

/**
 * What one answer says, filler text or one tool call, in both forms it can be sent: a whole
 * {@code chat.completion}, or stream pieces that follow the role chunk, each one SSE chunk
 * carrying a known number of completion tokens.
 */
sealed interface Reply permits TextReply, ToolCallReply {

    /**
     * @param configuredTokens the completion length the faults in force ask for
     * @return the tool call the request asks for, else filler text of the configured length
     *     capped by {@code max_tokens}
     */
    static Reply to(ChatRequest chat, int configuredTokens, CompletionText texts) {
        return chat.toolCall() != null
                ? new ToolCallReply(chat.toolCall())
                : TextReply.of(texts, configuredTokens, chat.maxTokens());
    }

    /** @return the choice's {@code finish_reason} */
    String finishReason();

    /** @return completion tokens of the whole answer, as reported in {@code usage} */
    int completionTokens();

    /** @return the whole {@code chat.completion} object */
    String completion(ChatCompletionJson json, int promptTokens);

    /** @return how many pieces the stream sends between the role and the finish chunks */
    int pieceCount();

    /** @return the SSE message of piece {@code piece} */
    String pieceChunk(ChatCompletionJson json, int piece);

    /** @return completion tokens sent with piece {@code piece}; all pieces sum to the total */
    int pieceTokens(int piece);

    /** @return after how many pieces the cut-stream fault closes the connection */
    int cutAfterPieces();
}
