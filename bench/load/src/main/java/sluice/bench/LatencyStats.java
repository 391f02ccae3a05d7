package sluice.bench;

import io.vertx.core.json.JsonObject;
import org.HdrHistogram.Histogram;

/** Latencies recorded in microseconds, reported in milliseconds. */
final class LatencyStats {
    private final Histogram histogram = new Histogram(120_000_000L, 3);

    void recordNanos(long nanos) {
        histogram.recordValue(Math.max(1, Math.min(nanos / 1000, histogram.getHighestTrackableValue())));
    }

    long count() {
        return histogram.getTotalCount();
    }

    JsonObject toJson() {
        return new JsonObject()
                .put("count", histogram.getTotalCount())
                .put("mean", histogram.getMean() / 1000.0)
                .put("p50", ms(50))
                .put("p90", ms(90))
                .put("p99", ms(99))
                .put("p999", ms(99.9))
                .put("max", histogram.getMaxValue() / 1000.0);
    }

    private double ms(double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1000.0;
    }
}
