package sluice.quota;

/**
 * What one model's reported usage taught: the prompt correction factor (EWMA of reported ÷
 * counted, bounded to [0.5, 3]) and an upper estimate of completion length (EWMA of the mean plus
 * two EWMA mean absolute deviations, which sits near the 90th percentile for the skewed
 * distributions completions have, rising fast after a long answer).
 */
final class ModelCalibration {
    static final double MIN_FACTOR = 0.5;
    static final double MAX_FACTOR = 3.0;
    /** Weight of a new completion observation. */
    static final double ALPHA = 0.1;
    /** Weight of a new prompt ratio: prompts vary less than completions, so learn faster. */
    static final double PROMPT_ALPHA = 0.2;
    static final double DEVIATIONS = 2.0;

    private double promptFactor = 1.0;
    private double completionMean;
    private double completionDeviation;

    ModelCalibration(long defaultCompletion) {
        this.completionMean = defaultCompletion;
    }

    synchronized double promptFactor() {
        return promptFactor;
    }

    synchronized long completionEstimate() {
        return Math.max(1, Math.round(completionMean + DEVIATIONS * completionDeviation));
    }

    synchronized void learn(long countedPrompt, long reportedPrompt, long reportedCompletion) {
        if (countedPrompt > 0 && reportedPrompt > 0) {
            double ratio = (double) reportedPrompt / countedPrompt;
            double next = promptFactor + PROMPT_ALPHA * (ratio - promptFactor);
            promptFactor = Math.max(MIN_FACTOR, Math.min(MAX_FACTOR, next));
        }
        if (reportedCompletion >= 0) {
            double error = reportedCompletion - completionMean;
            completionMean += ALPHA * error;
            completionDeviation += ALPHA * (Math.abs(error) - completionDeviation);
        }
    }
}
