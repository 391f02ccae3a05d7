package sluice.router.classify;

import java.util.List;
import java.util.Objects;

/**
 * Where one request goes.
 *
 * @param targets the targets to try in order (never empty); the gateway skips unhealthy ones and
 *                fails over down the list
 * @param reason  why, for the {@code x-sluice-route-reason} header, logs and the ledger, e.g.
 *                {@code code route; text: code signals (python)}
 */
public record RouteDecision(List<RouteTarget> targets, String reason) {

    public RouteDecision {
        targets = List.copyOf(targets);
        Objects.requireNonNull(reason, "reason");
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("a route decision needs at least one target");
        }
    }

    public RouteTarget first() {
        return targets.get(0);
    }

    /** The reason encoded for an HTTP header (ASCII, non-ASCII percent-encoded, no CR/LF). */
    public String reasonHeaderValue() {
        return HeaderSafeText.of(reason);
    }
}
