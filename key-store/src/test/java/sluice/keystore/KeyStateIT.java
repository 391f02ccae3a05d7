package sluice.keystore;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sluice.keystore.KeyStoreFixture.settings;

/** Key states that must survive restarts and Redis losing its data: disabled with audit, exhausted. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class KeyStateIT {
    private static final String SECRET = "sk-state-0123456789abcdefWXYZ";

    @Inject
    ProviderKeyService service;
    @Inject
    ProviderRepository providers;
    @Inject
    ProviderKeyRepository keys;
    @Inject
    AuditLogRepository audit;

    private String providerId;
    private String keyId;

    @BeforeEach
    void createKey() {
        providerId = KeyStoreFixture.newProvider(providers);
        keyId = OnVertx.await(() -> service.addKey(providerId, settings("team-a"), ClearSecret.of(SECRET), "alice")).id();
    }

    @Test
    void disablingWritesTheAuditEntryAndLeavesRouting() throws SQLException {
        ProviderKeyView disabled = OnVertx.await(() -> service.disable(keyId, "upstream 401 Unauthorized", "router-7"));

        assertEquals(KeyStatus.DISABLED, disabled.status());
        assertEquals("upstream 401 Unauthorized", disabled.statusReason());
        List<AuditEntry> entries = auditOf(keyId);
        assertEquals(List.of("key.disabled", "key.added"), entries.stream().map(AuditEntry::action).toList());
        AuditEntry entry = entries.get(0);
        assertEquals(List.of("router-7", AuditEntry.PROVIDER_KEY, keyId), List.of(entry.actor(), entry.targetKind(), entry.targetId()));
        assertEquals("upstream 401 Unauthorized", KeyStoreFixture.string(
                "SELECT detail->>'reason' FROM audit_log WHERE target_id = ? AND action = 'key.disabled'", keyId));
        assertEquals("active", KeyStoreFixture.string(
                "SELECT detail->>'previousStatus' FROM audit_log WHERE target_id = ? AND action = 'key.disabled'", keyId));
        assertTrue(activeIdsOf(providerId).isEmpty());
        assertTrue(OnVertx.await(() -> Panache.withSession(() -> keys.findByStatus(KeyStatus.DISABLED))).stream()
                .anyMatch(k -> k.id().equals(keyId)));
    }

    @Test
    void disablingTwiceWritesOneAuditEntry() {
        OnVertx.await(() -> service.disable(keyId, "upstream 403", "router-1"));
        OnVertx.await(() -> service.disable(keyId, "upstream 403", "router-2"));

        assertEquals(List.of("key.disabled", "key.added"), auditOf(keyId).stream().map(AuditEntry::action).toList());
    }

    @Test
    void statusChangeAndAuditEntryCommitTogetherOrNotAtAll() {
        InvalidKeyStoreInputException e = OnVertx.awaitFailure(InvalidKeyStoreInputException.class,
                () -> service.changeStatus(keyId, KeyStatus.REVOKED, "leaked", " "));

        assertEquals("actor", e.field());
        assertEquals(KeyStatus.ACTIVE, OnVertx.await(() -> service.findKey(keyId)).status());
        assertEquals(List.of("key.added"), auditOf(keyId).stream().map(AuditEntry::action).toList());
    }

    @Test
    void unknownKeyIsNotAuditedOrChanged() {
        OnVertx.awaitFailure(UnknownKeyException.class, () -> service.disable("k-000000000000", "x", "router-1"));
        OnVertx.awaitFailure(UnknownKeyException.class, () -> service.markExhausted("k-000000000000", Instant.now()));

        assertTrue(auditOf("k-000000000000").isEmpty());
    }

    @Test
    void exhaustionIsDurableUntilCleared() {
        Instant until = Instant.now().plus(5, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MICROS);

        OnVertx.await(() -> service.markExhausted(keyId, until));

        assertEquals(until, OnVertx.await(() -> service.findKey(keyId)).exhaustedUntil());
        assertTrue(exhaustedIds().contains(keyId));
        OnVertx.await(() -> service.markExhausted(keyId, null));
        assertNull(OnVertx.await(() -> service.findKey(keyId)).exhaustedUntil());
        assertFalse(exhaustedIds().contains(keyId));
    }

    @Test
    void activeKeysAreFoundPerProviderAndOverall() {
        String second = OnVertx.await(() -> service.addKey(providerId, settings("team-b"), ClearSecret.of(SECRET), "alice")).id();

        int changed = OnVertx.await(() -> Panache.withTransaction(
                () -> keys.setStatus(second, KeyStatus.REVOKED, "withdrawn", Instant.now())));

        assertEquals(1, changed);
        assertEquals(List.of(keyId), activeIdsOf(providerId));
        List<String> allActive = OnVertx.await(() -> Panache.withSession(keys::findAllActive)).stream()
                .map(ProviderKeyEntity::id).toList();
        assertTrue(allActive.contains(keyId) && !allActive.contains(second), allActive.toString());
        assertEquals(0, OnVertx.await(() -> Panache.withTransaction(
                () -> keys.setStatus("k-000000000000", KeyStatus.REVOKED, "x", Instant.now()))));
    }

    @Test
    void settingsUpdateIsAudited() {
        KeySettings changed = new KeySettings("team-a (shared)", KeyLimits.unlimited(), 5);

        ProviderKeyView view = OnVertx.await(() -> service.updateSettings(keyId, changed, "alice"));

        assertEquals(changed, new KeySettings(view.label(), view.limits(), view.weight()));
        assertEquals(List.of("key.updated", "key.added"), auditOf(keyId).stream().map(AuditEntry::action).toList());
        assertEquals(1, OnVertx.await(() -> service.listKeys(providerId)).size());
    }

    @Test
    void deletedKeyIsGoneAndTheDeletionAudited() throws SQLException {
        OnVertx.await(() -> service.deleteKey(keyId, "alice"));

        OnVertx.awaitFailure(UnknownKeyException.class, () -> service.findKey(keyId));
        assertEquals(List.of("key.deleted", "key.added"), auditOf(keyId).stream().map(AuditEntry::action).toList());
        assertEquals("alice", auditOf(keyId).get(0).actor());
        assertEquals(KeyStoreFixture.string("SELECT detail->>'fingerprint' FROM audit_log WHERE target_id = ? AND action = 'key.added'", keyId),
                KeyStoreFixture.string("SELECT detail->>'fingerprint' FROM audit_log WHERE target_id = ? AND action = 'key.deleted'", keyId));
    }

    private List<AuditEntry> auditOf(String id) {
        return OnVertx.await(() -> Panache.withSession(() -> audit.findByTarget(AuditEntry.PROVIDER_KEY, id)));
    }

    private List<String> activeIdsOf(String provider) {
        return OnVertx.await(() -> Panache.withSession(() -> keys.findActiveByProvider(provider))).stream()
                .map(ProviderKeyEntity::id).toList();
    }

    private List<String> exhaustedIds() {
        return OnVertx.await(() -> Panache.withSession(() -> keys.findExhaustedAfter(Instant.now()))).stream()
                .map(ProviderKeyEntity::id).toList();
    }
}
