package sluice.sim;

import java.util.List;

/**
 * The one function call an answer makes instead of text.
 *
 * @param name the function's name, as the client defined it (unescaped)
 * @param arguments the arguments, a compact JSON object (see {@link SampleArguments})
 * @param tokens o200k_base tokens of {@code arguments}: the answer's completion tokens
 * @param fragments {@code arguments} cut roughly in half for streaming (never inside a
 *     surrogate pair); they concatenate to it
 * @param fragmentTokens completion tokens attributed to each fragment; they sum to
 *     {@code tokens}
 */
record ToolCall(String name, String arguments, int tokens, List<String> fragments,
                int[] fragmentTokens) {

    /** Counts the arguments' tokens and cuts them into two stream fragments. */
    static ToolCall of(String name, String arguments, TokenCounter counter) {
        int middle = arguments.length() / 2;
        if (middle > 0 && Character.isLowSurrogate(arguments.charAt(middle))) {
            middle++;
        }
        String head = arguments.substring(0, middle);
        int tokens = counter.count(arguments);
        int headTokens = Math.min(tokens, counter.count(head));
        return new ToolCall(name, arguments, tokens,
                List.of(head, arguments.substring(middle)),
                new int[] {headTokens, tokens - headTokens});
    }
}
