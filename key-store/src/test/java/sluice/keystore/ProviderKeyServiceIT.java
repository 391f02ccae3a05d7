package sluice.keystore;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sluice.keystore.KeyStoreFixture.settings;

/** Providers and keys stored and read back through the Panache repositories; secrets sealed at rest. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class ProviderKeyServiceIT {
    static final String SECRET = "sk-live-0123456789abcdefABCD";
    static final String OTHER_SECRET = "sk-ant-api03-abcdefghijklmnop-wxyz";

    @Inject
    ProviderKeyService service;
    @Inject
    ProviderRepository providers;
    @Inject
    ProviderKeyRepository keys;
    @Inject
    AuditLogRepository audit;

    private String providerId;

    @BeforeEach
    void createProvider() {
        providerId = KeyStoreFixture.newProvider(providers);
    }

    @Test
    void providerReadsBackWithItsSettings() {
        ProviderEntity read = OnVertx.await(() -> Panache.withSession(() -> providers.findExisting(providerId)));

        assertEquals(KeyStoreFixture.DEEPSEEK, read.settings());
        assertTrue(OnVertx.await(() -> Panache.withSession(providers::listAllById)).stream()
                .anyMatch(p -> p.id().equals(providerId)));
    }

    @Test
    void addedKeyReadsBackWithLimitsStatusAndMaskedSecret() {
        ProviderKeyView added = OnVertx.await(() -> service.addKey(providerId, settings("team-a"), ClearSecret.of(SECRET), "alice"));

        assertTrue(added.id().matches("k-[0-9a-f]{12}"), added.id());
        assertEquals(KeyStoreFixture.LIMITS, added.limits());
        assertEquals(3, added.weight());
        assertEquals(KeyStatus.ACTIVE, added.status());
        assertEquals("23bb71fe", added.fingerprint());
        assertEquals("sk-...ABCD", added.secretHint());
        assertEquals(1, added.masterKeyVersion());
        assertNull(added.rotatedAt());
        assertEquals(added, OnVertx.await(() -> service.findKey(added.id())));
    }

    @Test
    void databaseHoldsCiphertextNeverTheClearSecret() throws SQLException {
        String id = OnVertx.await(() -> service.addKey(providerId, settings("team-a"), ClearSecret.of(SECRET), "alice")).id();

        byte[] ciphertext = KeyStoreFixture.ciphertext(id);
        String row = KeyStoreFixture.rowAsJson(id);

        assertEquals(SECRET.length() + 16, ciphertext.length);
        assertFalse(new String(ciphertext, StandardCharsets.ISO_8859_1).contains("0123456789abcdef"));
        assertFalse(row.contains(SECRET) || row.contains("0123456789abcdef"), row);
        assertFalse(row.contains(HexFormat.of().formatHex(SECRET.getBytes(StandardCharsets.UTF_8)).substring(6, 40)), row);
        assertTrue(row.contains("\"secret_key_version\":1") && row.contains("\"secret_hint\":\"sk-...ABCD\""), row);
    }

    @Test
    void secretDecryptsBackToTheClearSecret() {
        String id = OnVertx.await(() -> service.addKey(providerId, settings("team-a"), ClearSecret.of(SECRET), "alice")).id();

        try (ClearSecret secret = OnVertx.await(() -> service.decryptSecret(id))) {
            assertEquals(SECRET, secret.reveal());
        }
    }

    @Test
    void ciphertextCopiedToAnotherRowDoesNotDecrypt() throws SQLException {
        String victim = OnVertx.await(() -> service.addKey(providerId, settings("a"), ClearSecret.of(SECRET), "alice")).id();
        String thief = OnVertx.await(() -> service.addKey(providerId, settings("b"), ClearSecret.of(OTHER_SECRET), "alice")).id();

        KeyStoreFixture.execute("UPDATE provider_keys t SET secret_ciphertext = v.secret_ciphertext,"
                + " secret_nonce = v.secret_nonce, secret_key_version = v.secret_key_version"
                + " FROM provider_keys v WHERE v.id = ? AND t.id = ?", victim, thief);

        SecretDecryptionException e = OnVertx.awaitFailure(SecretDecryptionException.class, () -> service.decryptSecret(thief));
        assertTrue(e.getMessage().contains("'" + thief + "'"), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET) || e.getMessage().contains(OTHER_SECRET), e.getMessage());
        assertEquals(SECRET, OnVertx.await(() -> service.decryptSecret(victim)).reveal());
    }

    @Test
    void rotatedSecretReplacesTheOldOne() {
        ProviderKeyView added = OnVertx.await(() -> service.addKey(providerId, settings("a"), ClearSecret.of(SECRET), "alice"));

        ProviderKeyView rotated = OnVertx.await(() -> service.rotateSecret(added.id(), ClearSecret.of(OTHER_SECRET), "alice"));

        assertEquals("5624ad6a", rotated.fingerprint());
        assertEquals("sk-...wxyz", rotated.secretHint());
        assertNotNull(rotated.rotatedAt());
        assertEquals(added.createdAt(), rotated.createdAt());
        assertEquals(OTHER_SECRET, OnVertx.await(() -> service.decryptSecret(added.id())).reveal());
        AuditEntry entry = OnVertx.await(() -> Panache.withSession(() -> audit.findByTarget(AuditEntry.PROVIDER_KEY, added.id()))).get(0);
        assertEquals("key.secret-rotated", entry.action());
        assertEquals("{\"fingerprint\": \"5624ad6a\", \"previousFingerprint\": \"23bb71fe\"}", entry.detailJson());
    }

    @Test
    void masterKeyRotationReencryptsEveryRowInBatchesAndReportsBrokenOnes() throws SQLException {
        String id = OnVertx.await(() -> service.addKey(providerId, settings("a"), ClearSecret.of(SECRET), "alice")).id();
        String broken = OnVertx.await(() -> service.addKey(providerId, settings("b"), ClearSecret.of(OTHER_SECRET), "alice")).id();
        KeyStoreFixture.execute("UPDATE provider_keys SET secret_nonce = decode(repeat('00', 12), 'hex') WHERE id = ?", broken);
        int bulk = 2 * ProviderKeyService.REENCRYPT_BATCH + 17;
        KeyStoreFixture.insertSealedKeys(providerId, new SecretCipher(TestMasterKeys.version1()), bulk);
        ProviderKeyService version2 = serviceWith(TestMasterKeys.versions1And2());
        try {
            assertEquals(SECRET, OnVertx.await(() -> version2.decryptSecret(id)).reveal(), "old rows open before re-encryption");
            byte[] before = KeyStoreFixture.ciphertext(id);

            ReencryptionReport report = OnVertx.await(version2::reencryptAll);

            assertTrue(report.reencrypted() >= bulk + 1, report.toString());
            assertTrue(report.undecryptableKeyIds().contains(broken), report.toString());
            assertEquals(report.undecryptableKeyIds().size(), KeyStoreFixture.countSealedWithOtherVersion(2));
            assertNotEquals(HexFormat.of().formatHex(before), HexFormat.of().formatHex(KeyStoreFixture.ciphertext(id)));
            assertEquals(SECRET, OnVertx.await(() -> version2.decryptSecret(id)).reveal());
            assertEquals("sk-bulk-secret-number-416",
                    OnVertx.await(() -> version2.decryptSecret(providerId + "-bulk-416")).reveal());
            SecretDecryptionException oldRing = OnVertx.awaitFailure(SecretDecryptionException.class, () -> service.decryptSecret(id));
            assertTrue(oldRing.getMessage().contains("master key version 2, which is not in the key ring"), oldRing.getMessage());
            ReencryptionReport again = OnVertx.await(version2::reencryptAll);
            assertEquals(0, again.reencrypted(), "a second run finds nothing left to re-encrypt");
            assertEquals(report.undecryptableKeyIds(), again.undecryptableKeyIds());
        } finally {
            OnVertx.await(serviceWith(TestMasterKeys.versions1And2().withCurrentVersion(1))::reencryptAll);
        }
        assertEquals(SECRET, OnVertx.await(() -> service.decryptSecret(id)).reveal(), "rotated back to version 1");
    }

    @Test
    void unknownIdsAreReportedAsSuch() {
        UnknownProviderException provider = OnVertx.awaitFailure(UnknownProviderException.class,
                () -> service.addKey("no-such-provider", settings("a"), ClearSecret.of(SECRET), "alice"));
        assertEquals("no-such-provider", provider.providerId());
        assertEquals("k-000000000000",
                OnVertx.awaitFailure(UnknownKeyException.class, () -> service.decryptSecret("k-000000000000")).keyId());
        OnVertx.awaitFailure(UnknownKeyException.class, () -> service.rotateSecret("k-000000000000", ClearSecret.of(SECRET), "alice"));
    }

    private ProviderKeyService serviceWith(MasterKeyRing ring) {
        return new ProviderKeyService(providers, keys, audit, new SecretCipher(ring));
    }
}
