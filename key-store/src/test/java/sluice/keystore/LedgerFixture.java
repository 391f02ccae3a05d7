package sluice.keystore;

import sluice.testsupport.TestServers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/** Usage events for the ledger tests, and plain-JDBC counts of what the ledger holds. */
final class LedgerFixture {

    private LedgerFixture() {
    }

    /** A successful request with the given dimensions and actual tokens; estimates are actual + 10 %. */
    static UsageEvent event(Instant at, String tenant, String provider, String key, String model, String taskClass,
                            int prompt, int completion) {
        return new UsageEvent(UUID.randomUUID().toString(), at, tenant, "ck-" + tenant, provider, key, model, taskClass,
                prompt + prompt / 10, completion + completion / 10, prompt, completion, 200, 1, 850, null);
    }

    /** A request that failed on every target: no tokens reported, status 503. */
    static UsageEvent failed(Instant at, String tenant, String provider, String key, String model) {
        return new UsageEvent(UUID.randomUUID().toString(), at, tenant, "ck-" + tenant, provider, key, model, "general",
                300, 100, null, null, 503, 3, 30_000, "upstream timeout after 3 attempts");
    }

    /** @return the ledger rows in {@code [from, to)} */
    static long rowsBetween(Instant from, Instant to) throws SQLException {
        try (Connection c = TestServers.postgres().connect(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM usage_ledger WHERE occurred_at >= ? AND occurred_at < ?")) {
            s.setTimestamp(1, Timestamp.from(from));
            s.setTimestamp(2, Timestamp.from(to));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** @return the ledger rows of one request */
    static long rowsOf(String requestId) throws SQLException {
        return Long.parseLong(KeyStoreFixture.string("SELECT count(*) FROM usage_ledger WHERE request_id = ?", requestId));
    }
}
