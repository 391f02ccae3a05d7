package sluice.router.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import sluice.keystore.UsagePoint;
import sluice.keystore.UsageTotal;

import java.time.Instant;
import java.util.List;

/**
 * Usage over {@code [from, to)} grouped by one dimension: {@code totals} (one per group) when no
 * bucket was asked for, else {@code series} (one point per bucket and group that has usage).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UsageReport(String groupBy, Instant from, Instant to, String bucket, String tenant,
                          List<UsageTotal> totals, List<UsagePoint> series) {
}
