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
    void everyMigrationIsApplied() throws SQLException {
        List<String> applied = strings("SELECT version || ':' || success FROM flyway_schema_history"
                + " WHERE version IS NOT NULL ORDER BY installed_rank");

        assertEquals(List.of("1:true", "2:true", "3:true", "4:true"), applied.subList(0, 4));
        assertTrue(applied.stream().allMatch(v -> v.endsWith(":true")), applied.toString());
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
    void tenantsAndClientKeysHaveTheirColumns() throws SQLException {
        assertEquals(List.of("id", "name", "rpm", "tpm", "daily_token_budget", "monthly_token_budget", "status",
                "created_at", "updated_at"), columnsOf("tenants"));
        assertEquals(List.of("id", "tenant_id", "key_hash", "prefix", "label", "expires_at", "revoked_at", "created_at",
                "last_used_at"), columnsOf("client_keys"));
    }

    @Test
    void theLedgerIsPartitionedByMonthOnOccurredAtFromTheStart() throws SQLException {
        assertEquals(List.of("request_id", "occurred_at", "tenant_id", "client_key_id", "provider_id", "key_id", "model",
                "task_class", "est_prompt_tokens", "est_completion_tokens", "prompt_tokens", "completion_tokens", "status",
                "attempts", "latency_ms", "error", "route_reason", "attempt_log"), columnsOf("usage_ledger"));
        assertEquals(List.of("r:occurred_at"), strings("SELECT p.partstrat::text || ':' || a.attname FROM pg_partitioned_table p"
                + " JOIN pg_attribute a ON a.attrelid = p.partrelid AND a.attnum = p.partattrs[0]"
                + " WHERE p.partrelid = 'usage_ledger'::regclass"));
        assertEquals(List.of("request_id, occurred_at"), strings("SELECT string_agg(a.attname, ', ' ORDER BY k.ord)"
                + " FROM pg_constraint c CROSS JOIN unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord)"
                + " JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum"
                + " WHERE c.conrelid = 'usage_ledger'::regclass AND c.contype = 'p'"));
        String thisMonth = strings("SELECT 'usage_ledger_p' || to_char(now() AT TIME ZONE 'UTC', 'YYYYMM')").get(0);
        assertTrue(strings("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
                + " WHERE i.inhparent = 'usage_ledger'::regclass").contains(thisMonth));
    }

    @Test
    void lookupIndexesExist() throws SQLException {
        List<String> indexes = strings("SELECT indexname FROM pg_indexes WHERE tablename IN ('provider_keys', 'audit_log',"
                + " 'client_keys', 'usage_ledger') ORDER BY indexname");

        assertTrue(indexes.containsAll(List.of("provider_keys_provider_status_idx", "provider_keys_status_idx",
                "provider_keys_exhausted_idx", "audit_log_target_idx", "audit_log_at_idx", "client_keys_key_hash_key",
                "client_keys_tenant_idx", "usage_ledger_tenant_idx", "usage_ledger_key_idx", "usage_ledger_provider_idx",
                "usage_ledger_occurred_at_brin")),
                indexes.toString());
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
