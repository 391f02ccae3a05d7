package sluice.router.health;

import java.util.Locale;

/** How routing treats a provider (docs/adr/0008-provider-health.md). */
public enum HealthState {
    /** Routed to in route order. */
    HEALTHY,
    /** Still routed to, but after every healthy target of the same route. */
    DEGRADED,
    /** Skipped while any target of the route is not down; tried when all are. */
    DOWN,
    /** Every key answered 429 within seconds (an IP-level limit): skipped until the pause ends. */
    RATE_LIMITED;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    /** @return the lower-case name shown in the admin API and health checks */
    public String wireName() {
        return wireName;
    }
}
