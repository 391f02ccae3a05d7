package sluice.keystore;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sluice.keystore.KeyStoreFixture.settings;

/**
 * The catalog version every replica polls instead of re-reading all keys: it must move on every
 * kind of key change, whoever makes it, and stay put while nothing changes.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class KeyCatalogVersionIT {
    private static final String SECRET = "sk-catalog-0123456789abcdefWXYZ";

    @Inject
    ProviderKeyService service;
    @Inject
    ProviderRepository providers;
    @Inject
    ProviderKeyRepository keys;

    @Test
    void everyKindOfKeyChangeMovesTheVersion() throws SQLException {
        String providerId = KeyStoreFixture.newProvider(providers);
        long start = version();

        String keyId = OnVertx.await(() -> service.addKey(providerId, settings("catalog"), ClearSecret.of(SECRET), "alice")).id();
        long added = assertMoved(start, "a key added");
        OnVertx.await(() -> service.updateSettings(keyId, settings("catalog-renamed"), "alice"));
        long updated = assertMoved(added, "limits or label changed");
        OnVertx.await(() -> service.disable(keyId, "upstream 401", "router-1"));
        long disabled = assertMoved(updated, "disabled by the gateway");
        OnVertx.await(() -> service.markExhausted(keyId, Instant.now().plusSeconds(3_600)));
        long exhausted = assertMoved(disabled, "marked exhausted");
        KeyStoreFixture.execute("UPDATE provider_keys SET weight = 3 WHERE id = ?", keyId);
        long bySql = assertMoved(exhausted, "an operator's own SQL");
        OnVertx.await(() -> service.deleteKey(keyId, "alice"));
        assertMoved(bySql, "a key deleted");
    }

    @Test
    void readingKeysLeavesTheVersionAlone() {
        long before = version();

        OnVertx.await(() -> Panache.withSession(() -> keys.findAllActive()));
        OnVertx.await(() -> Panache.withSession(() -> keys.findByStatus(KeyStatus.DISABLED)));

        assertEquals(before, version());
    }

    private long assertMoved(long before, String what) {
        long now = version();
        assertTrue(now > before, what + " must move the catalog version (was " + before + ", now " + now + ")");
        return now;
    }

    private long version() {
        return OnVertx.await(() -> Panache.withSession(() -> keys.catalogVersion()));
    }
}
