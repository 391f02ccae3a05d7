package sluice.router.admin;

import java.util.List;

/**
 * A provider as the admin API shows it: connection settings as stored, whether this replica has
 * it configured ({@code sluice.providers.<id>}, only those are routed to), its key pool and its
 * health (shared state, passive stats, this replica's circuit breaker).
 */
public record ProviderPoolView(String id, String kind, String baseUrl, List<String> models, boolean configured,
                               PoolSummary keys, ProviderHealthView health) {
}
