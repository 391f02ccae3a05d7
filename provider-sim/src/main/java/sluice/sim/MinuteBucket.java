package sluice.sim;

/**
 * What one key accepted during one UTC minute.
 *
 * @param minuteStartMillis start of the minute, epoch millis
 * @param requests requests accepted
 * @param tokens tokens charged against TPM (in {@link TpmCharge#PROMPT_PLUS_ACTUAL} mode this
 *     includes completions produced during this minute)
 */
public record MinuteBucket(long minuteStartMillis, long requests, long tokens) {
}
