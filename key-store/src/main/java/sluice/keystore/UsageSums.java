package sluice.keystore;

/**
 * Sums over a set of ledger rows. {@code failures} counts requests answered with a status of 400 or
 * more; actual token sums skip requests whose provider reported no usage.
 */
public record UsageSums(long requests, long failures, long promptTokens, long completionTokens,
                        long estimatedPromptTokens, long estimatedCompletionTokens) {

    /** @return prompt plus completion tokens, as the providers reported them */
    public long totalTokens() {
        return promptTokens + completionTokens;
    }
}
