package sluice.keystore;

import java.time.Instant;

/**
 * Usage of one group within one bucket of a time series; {@code bucketStart} is the start of the
 * UTC hour or day. Buckets without usage are absent. {@code group} is {@code null} for rows
 * without a value.
 */
public record UsagePoint(Instant bucketStart, String group, UsageSums sums) {
}
