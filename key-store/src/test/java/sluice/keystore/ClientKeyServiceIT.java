package sluice.keystore;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Client keys: stored only as hashes, shown once, accepted only while usable. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class ClientKeyServiceIT {
    @Inject
    ClientKeyService service;
    @Inject
    TenantService tenantService;
    @Inject
    TenantRepository tenants;
    @Inject
    ClientKeyRepository keys;
    @Inject
    AuditLogRepository audit;
    @Inject
    Pool pool;

    private String tenantId;

    @BeforeEach
    void createTenant() {
        tenantId = "t-" + UUID.randomUUID().toString().substring(0, 8);
        OnVertx.await(() -> tenantService.createTenant(tenantId, "ACME", TenantServiceIT.LIMITS, "alice"));
    }

    @Test
    void onlyTheSha256OfTheKeyReachesTheDatabase() throws Exception {
        CreatedClientKey created = create("ci pipeline", null);
        String clear = created.key().reveal();
        String row = KeyStoreFixture.string("SELECT row_to_json(k)::text FROM client_keys k WHERE id = ?", created.view().id());
        String audited = KeyStoreFixture.string("SELECT string_agg(detail::text, ' ') FROM audit_log WHERE target_id = ?",
                created.view().id());

        String expectedHash = HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(clear.getBytes(StandardCharsets.UTF_8)));
        assertEquals(expectedHash, KeyStoreFixture.string(
                "SELECT encode(key_hash, 'hex') FROM client_keys WHERE id = ?", created.view().id()));
        for (String printed : List.of(row, audited, created.toString(), created.view().toString())) {
            assertFalse(printed.contains(clear.substring(11)), printed);
            assertFalse(printed.contains(clear.substring(20, 30)), printed);
        }
        assertTrue(clear.matches("sk-slc-[0-9A-Za-z]{40}"));
        assertEquals(clear.substring(0, 11), created.view().prefix());
    }

    @Test
    void theKeyAuthenticatesAsItsTenantWithTheTenantsLimits() throws SQLException {
        Instant expiry = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MICROS);
        CreatedClientKey created = create("laptop", expiry);

        Optional<ClientPrincipal> principal = OnVertx.await(() -> service.authenticate(created.key().reveal()));

        assertEquals(Optional.of(new ClientPrincipal(tenantId, created.view().id(), TenantServiceIT.LIMITS, expiry)), principal);
        assertNotNull(OnVertx.await(() -> service.findClientKey(created.view().id())).lastUsedAt());
        assertEquals(List.of("client-key.created"), actionsOf(created.view().id()));
        assertEquals(tenantId + " laptop", KeyStoreFixture.string("SELECT concat_ws(' ', detail->>'tenant', detail->>'label')"
                + " FROM audit_log WHERE target_id = ?", created.view().id()));
    }

    @Test
    void aRevokedKeyIsRefusedAndTheRevocationAuditedOnce() {
        CreatedClientKey created = create("old", null);
        String clear = created.key().reveal();

        ClientKeyView revoked = OnVertx.await(() -> service.revoke(created.view().id(), "bob"));
        OnVertx.await(() -> service.revoke(created.view().id(), "bob"));

        assertNotNull(revoked.revokedAt());
        assertEquals(Optional.empty(), OnVertx.await(() -> service.authenticate(clear)));
        assertEquals(List.of("client-key.revoked", "client-key.created"), actionsOf(created.view().id()));
    }

    @Test
    void anExpiredKeyIsRefused() {
        Instant now = Instant.now();
        CreatedClientKey created = create("short-lived", now.plus(Duration.ofHours(1)));
        ClientKeyService twoHoursLater = new ClientKeyService(tenants, keys, audit, pool,
                Clock.fixed(now.plus(Duration.ofHours(2)), ZoneOffset.UTC));

        assertTrue(OnVertx.await(() -> service.authenticate(created.key().reveal())).isPresent());
        assertEquals(Optional.empty(), OnVertx.await(() -> twoHoursLater.authenticate(created.key().reveal())));
    }

    @Test
    void aSuspendedTenantsKeysAreRefusedUntilItIsActiveAgain() {
        String clear = create("app", null).key().reveal();

        OnVertx.await(() -> tenantService.suspend(tenantId, "abuse", "bob"));
        Optional<ClientPrincipal> whileSuspended = OnVertx.await(() -> service.authenticate(clear));
        OnVertx.await(() -> tenantService.activate(tenantId, "bob"));

        assertEquals(Optional.empty(), whileSuspended);
        assertTrue(OnVertx.await(() -> service.authenticate(clear)).isPresent());
    }

    @Test
    void unknownAndMalformedKeysAreRefused() {
        String clear = create("app", null).key().reveal();
        String unknown = clear.substring(0, 46) + (clear.endsWith("A") ? "B" : "A");

        for (String presented : List.of(unknown, "", "Bearer " + clear, clear.toUpperCase(), clear + " ")) {
            assertEquals(Optional.empty(), OnVertx.await(() -> service.authenticate(presented)), presented);
        }
        assertEquals(Optional.empty(), OnVertx.await(() -> service.authenticate(null)));
    }

    @Test
    void keysAreListedPerTenantAndBadInputNamesItsField() {
        String first = create("one", null).view().id();
        String second = create("two", null).view().id();
        OnVertx.await(() -> service.revoke(first, "bob"));

        List<ClientKeyView> listed = OnVertx.await(() -> service.listByTenant(tenantId));

        assertEquals(List.of(first, second), listed.stream().map(ClientKeyView::id).toList());
        assertNotNull(listed.get(0).revokedAt());
        OnVertx.awaitFailure(UnknownTenantException.class, () -> service.listByTenant("t-missing"));
        OnVertx.awaitFailure(UnknownTenantException.class, () -> service.create("t-missing", "x", null, "bob"));
        OnVertx.awaitFailure(UnknownClientKeyException.class, () -> service.revoke("ck-000000000000", "bob"));
        assertEquals("expiresAt", OnVertx.awaitFailure(InvalidKeyStoreInputException.class,
                () -> service.create(tenantId, "x", Instant.now().minusSeconds(1), "bob")).field());
        assertEquals("label", OnVertx.awaitFailure(InvalidKeyStoreInputException.class,
                () -> service.create(tenantId, " ", null, "bob")).field());
        assertEquals("actor", OnVertx.awaitFailure(InvalidKeyStoreInputException.class,
                () -> service.create(tenantId, "x", null, "")).field());
        assertEquals(2, OnVertx.await(() -> service.listByTenant(tenantId)).size());
    }

    private CreatedClientKey create(String label, Instant expiresAt) {
        return OnVertx.await(() -> service.create(tenantId, label, expiresAt, "alice"));
    }

    private List<String> actionsOf(String id) {
        return OnVertx.await(() -> Panache.withSession(() -> audit.findByTarget(AuditEntry.CLIENT_KEY, id))).stream()
                .map(AuditEntry::action).toList();
    }
}
