package sluice.keystore;

import io.quarkus.hibernate.reactive.panache.Panache;
import sluice.testsupport.TestServers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/** Test data and plain-JDBC looks at the rows, independent of the code under test. */
final class KeyStoreFixture {
    static final KeyLimits LIMITS = new KeyLimits(60, 100_000, 1_000, 2_000_000, 4, ZoneId.of("Asia/Riyadh"));
    static final ProviderSettings DEEPSEEK = new ProviderSettings(ProviderKind.OPENAI_COMPATIBLE,
            "https://api.deepseek.com/v1", List.of("deepseek-chat", "deepseek-reasoner"),
            Duration.ofSeconds(3), Duration.ofMinutes(10));

    private KeyStoreFixture() {
    }

    /** Creates a provider with a fresh id through the repository. */
    static String newProvider(ProviderRepository providers) {
        String id = "p-" + UUID.randomUUID().toString().substring(0, 8);
        OnVertx.await(() -> Panache.withTransaction(() -> providers.persist(new ProviderEntity(id, DEEPSEEK, Instant.now()))));
        return id;
    }

    static KeySettings settings(String label) {
        return new KeySettings(label, LIMITS, 3);
    }

    /** @return the whole row as PostgreSQL prints it in JSON (bytea as {@code \x...} hex) */
    static String rowAsJson(String keyId) throws SQLException {
        return string("SELECT row_to_json(k)::text FROM provider_keys k WHERE id = ?", keyId);
    }

    static byte[] ciphertext(String keyId) throws SQLException {
        try (Connection c = TestServers.postgres().connect();
             PreparedStatement s = c.prepareStatement("SELECT secret_ciphertext FROM provider_keys WHERE id = ?")) {
            s.setString(1, keyId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBytes(1);
            }
        }
    }

    static String string(String sql, String parameter) throws SQLException {
        try (Connection c = TestServers.postgres().connect(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    static void execute(String sql, String... parameters) throws SQLException {
        try (Connection c = TestServers.postgres().connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setString(i + 1, parameters[i]);
            }
            s.executeUpdate();
        }
    }

    /** Inserts {@code count} keys sealed by {@code cipher} in one JDBC batch, bypassing the service. */
    static void insertSealedKeys(String providerId, SecretCipher cipher, int count) throws SQLException {
        String sql = "INSERT INTO provider_keys (id, provider_id, label, secret_ciphertext, secret_nonce,"
                + " secret_key_version, fingerprint, secret_hint) VALUES (?, ?, 'bulk', ?, ?, ?, 'f', '***')";
        try (Connection c = TestServers.postgres().connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < count; i++) {
                String id = providerId + "-bulk-" + i;
                SealedSecret sealed = cipher.seal(id, ClearSecret.of("sk-bulk-secret-number-" + i));
                s.setString(1, id);
                s.setString(2, providerId);
                s.setBytes(3, sealed.ciphertext());
                s.setBytes(4, sealed.nonce());
                s.setInt(5, sealed.keyVersion());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** @return the number of stored secrets not sealed with master key {@code version} */
    static long countSealedWithOtherVersion(int version) throws SQLException {
        return Long.parseLong(string("SELECT count(*) FROM provider_keys WHERE secret_key_version <> ?::int",
                Integer.toString(version)));
    }
}
