package sluice.keystore;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import sluice.testsupport.TestServers;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Flyway (run by the test application at start) builds the schema the entities map. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class MigrationIT {

    @Test
    void bothMigrationsAreApplied() throws SQLException {
        List<String> applied = strings("SELECT version || ':' || success FROM flyway_schema_history"
                + " WHERE version IS NOT NULL ORDER BY installed_rank");

        assertEquals(List.of("1:true", "2:true"), applied);
    }

    @Test
    void providerKeysHaveEveryColumnTheDesignNames() throws SQLException {
        List<String> columns = strings("SELECT column_name || ' ' || data_type FROM information_schema.columns"
                + " WHERE table_name = 'provider_keys' ORDER BY ordinal_position");

        assertEquals(List.of("id text", "provider_id text", "label text", "rpm bigint", "tpm bigint", "rpd bigint",
                "tpd bigint", "max_concurrent integer", "daily_reset_zone text", "weight integer", "status text",
                "status_reason text", "secret_ciphertext bytea", "secret_nonce bytea", "secret_key_version integer",
                "fingerprint text", "secret_hint text", "created_at timestamp with time zone",
                "rotated_at timestamp with time zone", "updated_at timestamp with time zone",
                "exhausted_until timestamp with time zone"), columns);
    }

    @Test
    void providersAndAuditLogExist() throws SQLException {
        assertEquals(List.of("id", "kind", "base_url", "models", "connect_timeout_ms", "request_timeout_ms",
                "created_at", "updated_at"), columnsOf("providers"));
        assertEquals(List.of("id", "at", "actor", "action", "target_kind", "target_id", "detail"), columnsOf("audit_log"));
    }

    @Test
    void lookupIndexesExist() throws SQLException {
        List<String> indexes = strings("SELECT indexname FROM pg_indexes WHERE tablename IN ('provider_keys', 'audit_log')"
                + " ORDER BY indexname");

        assertTrue(indexes.containsAll(List.of("provider_keys_provider_status_idx", "provider_keys_status_idx",
                "provider_keys_exhausted_idx", "audit_log_target_idx", "audit_log_at_idx")), indexes.toString());
    }

    @Test
    void checkConstraintsRefuseUnknownKindsAndStatuses() throws SQLException {
        try (Connection c = TestServers.postgres().connect(); Statement s = c.createStatement()) {
            SQLException kind = assertThrows(SQLException.class, () -> s.execute(
                    "INSERT INTO providers (id, kind, base_url) VALUES ('bad-kind', 'gemini', 'https://x.test')"));
            assertEquals("23514", kind.getSQLState());

            s.execute("INSERT INTO providers (id, kind, base_url) VALUES ('check-status', 'anthropic', 'https://x.test')"
                    + " ON CONFLICT DO NOTHING");
            SQLException status = assertThrows(SQLException.class, () -> s.execute(
                    "INSERT INTO provider_keys (id, provider_id, label, status, secret_ciphertext, secret_nonce,"
                            + " secret_key_version, fingerprint, secret_hint) VALUES ('k-bad', 'check-status', 'x',"
                            + " 'paused', decode(repeat('00', 20), 'hex'), decode(repeat('00', 12), 'hex'), 1, 'f', 'h')"));
            assertEquals("23514", status.getSQLState());
        }
    }

    private static List<String> columnsOf(String table) throws SQLException {
        return strings("SELECT column_name FROM information_schema.columns WHERE table_name = '" + table
                + "' ORDER BY ordinal_position");
    }

    private static List<String> strings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = TestServers.postgres().connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
