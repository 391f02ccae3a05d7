package sluice.sim;

/**
 * One tool call. The stream sends a piece naming the call (id, type, function name, empty
 * arguments), then the arguments in fragments; it is cut after the first half of the fragments
 * (at least one), so a client sees a call whose arguments never complete.
 *
 * @param call the function and arguments
 */
record ToolCallReply(ToolCall call) implements Reply {

    @Override
    public String finishReason() {
        return "tool_calls";
    }

    @Override
    public int completionTokens() {
        return call.tokens();
    }

    @Override
    public String completion(ChatCompletionJson json, int promptTokens) {
        return json.toolCallCompletion(call, promptTokens);
    }

    @Override
    public int pieceCount() {
        return 1 + call.fragments().size();
    }

    @Override
    public String pieceChunk(ChatCompletionJson json, int piece) {
        return piece == 0
                ? json.toolCallStartChunk(call.name())
                : json.toolArgumentsChunk(call.fragments().get(piece - 1));
    }

    @Override
    public int pieceTokens(int piece) {
        return piece == 0 ? 0 : call.fragmentTokens()[piece - 1];
    }

    @Override
    public int cutAfterPieces() {
        return 1 + Math.max(1, call.fragments().size() / 2);
    }
}
