package sluice.router.health;

import sluice.router.config.SluiceConfig;

/**
 * Judges a provider from its calls over the passive window: below {@code down-success-rate} it is
 * down, below {@code degraded-success-rate} or with more than {@code 1 - latency-percentile} of its
 * answers slower than {@code latency-threshold} it is degraded. With fewer than {@code min-calls}
 * calls there is no verdict (healthy), so a provider that stopped getting traffic gets a trial
 * again once its bad seconds leave the window.
 */
final class PassiveVerdict {
    private final SluiceConfig.Health.Passive rules;

    PassiveVerdict(SluiceConfig.Health.Passive rules) {
        this.rules = rules;
    }

    /** @return the state and reason, or null when the window shows nothing wrong */
    Judged judge(TrafficCounts window) {
        long calls = window.calls();
        if (calls < rules.minCalls()) {
            return null;
        }
        long seconds = rules.window().toSeconds();
        double success = window.successRate();
        if (success < rules.downSuccessRate()) {
            return new Judged(HealthState.DOWN, failing(window, success, seconds));
        }
        if (success < rules.degradedSuccessRate()) {
            return new Judged(HealthState.DEGRADED, failing(window, success, seconds));
        }
        long answered = window.answered();
        double slowShare = answered == 0 ? 0 : (double) window.slow() / answered;
        if (answered >= rules.minCalls() && slowShare > 1 - rules.latencyPercentile()) {
            long threshold = rules.latencyThreshold().toMillis();
            return new Judged(HealthState.DEGRADED, String.format(java.util.Locale.ROOT,
                    "slow: p%d latency over %d ms (%d of %d answers slower) in the last %d s",
                    Math.round(rules.latencyPercentile() * 100), threshold, window.slow(), answered, seconds));
        }
        return null;
    }

    private static String failing(TrafficCounts window, double success, long seconds) {
        return String.format(java.util.Locale.ROOT, "success rate %.0f%% over %d calls in the last %d s %s",
                success * 100, window.calls(), seconds, window.byOutcome());
    }

    /** A passive verdict: state and reason. */
    record Judged(HealthState state, String reason) {
    }
}
