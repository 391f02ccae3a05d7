package sluice.router.admin;

import java.util.List;

/**
 * How a provider's key pool stands, counted by {@link AdminKeyView#state()}: every key falls in
 * exactly one of active, cooling, exhausted, disabled, revoked or unknown (Redis unreadable).
 */
public record PoolSummary(int total, int active, int cooling, int exhausted, int disabled, int revoked, int unknown) {

    static PoolSummary of(List<AdminKeyView> keys) {
        int[] n = new int[6];
        for (AdminKeyView key : keys) {
            switch (key.state()) {
                case "active" -> n[0]++;
                case "cooling" -> n[1]++;
                case "exhausted" -> n[2]++;
                case "disabled" -> n[3]++;
                case "revoked" -> n[4]++;
                default -> n[5]++;
            }
        }
        return new PoolSummary(keys.size(), n[0], n[1], n[2], n[3], n[4], n[5]);
    }
}
