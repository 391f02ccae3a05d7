package sluice.router.admin;

import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import sluice.router.health.ProviderGuards;
import sluice.router.health.ProviderStatus;
import sluice.router.health.TrafficCounts;

import java.time.Instant;
import java.util.Map;

/**
 * A provider's health as the admin API shows it: the shared state with its reason, since when
 * and until when, the passive stats behind it, and this replica's circuit breaker.
 *
 * @param state   healthy, degraded, down or rate_limited
 * @param reason  why (empty when healthy)
 * @param since   when it entered the state, when known
 * @param until   when an explicit down or rate-limit record ends, when there is one
 * @param circuit this replica's breaker: CLOSED, OPEN or HALF_OPEN
 * @param passive the calls of the passive window, or null when there were none
 */
public record ProviderHealthView(String state, String reason, Instant since, Instant until, String circuit,
                                 PassiveStats passive) {

    /**
     * @param windowSeconds    length of the window
     * @param calls            calls in it (every replica)
     * @param successRate      OK / (OK + 5xx, timeouts, connection failures)
     * @param slowerThanThreshold answers slower than {@code sluice.health.passive.latency-threshold}
     * @param p50UpToMs        upper bound of the histogram bin holding the median latency
     * @param p95UpToMs        upper bound of the bin holding p95 (-1: no answer; Long.MAX_VALUE: over 32 s)
     * @param byOutcome        calls by outcome (ok, server_error, timeout, connection, rate_limited, key_rejected)
     */
    public record PassiveStats(long windowSeconds, long calls, double successRate, long slowerThanThreshold,
                               long p50UpToMs, long p95UpToMs, Map<String, Long> byOutcome) {
    }

    static ProviderHealthView of(String provider, ProviderStatus status, long windowSeconds) {
        String circuit = circuit(provider);
        TrafficCounts w = status.window();
        PassiveStats passive = w == null ? null : new PassiveStats(windowSeconds, w.calls(),
                Math.round(w.successRate() * 1000) / 1000.0, w.slow(), w.latencyQuantileBound(0.5),
                w.latencyQuantileBound(0.95), w.byOutcome());
        return new ProviderHealthView(status.state().wireName(), status.reason(),
                status.sinceMillis() > 0 ? Instant.ofEpochMilli(status.sinceMillis()) : null,
                status.untilMillis() > 0 ? Instant.ofEpochMilli(status.untilMillis()) : null, circuit, passive);
    }

    /** @return the breaker's state, or {@code NONE} before this replica called the provider at all */
    private static String circuit(String provider) {
        try {
            return CircuitBreakerMaintenance.get().currentState(ProviderGuards.breakerName(provider)).name();
        } catch (IllegalArgumentException noBreakerYet) {
            return "NONE";
        }
    }
}
