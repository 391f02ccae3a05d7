package sluice.keystore;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tenants with their limits and budgets, suspension, and the audit trail of each change. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class TenantServiceIT {
    static final TenantLimits LIMITS = new TenantLimits(600, 200_000, 5_000_000, 100_000_000);

    @Inject
    TenantService service;
    @Inject
    AuditLogRepository audit;

    private String tenantId;

    @BeforeEach
    void createTenant() {
        tenantId = "t-" + UUID.randomUUID().toString().substring(0, 8);
        OnVertx.await(() -> service.createTenant(tenantId, "ACME Search", LIMITS, "alice"));
    }

    @Test
    void createdTenantReadsBackActiveWithItsLimits() throws SQLException {
        TenantView read = OnVertx.await(() -> service.findTenant(tenantId));

        assertEquals(List.of("ACME Search", TenantStatus.ACTIVE, LIMITS), List.of(read.name(), read.status(), read.limits()));
        assertTrue(OnVertx.await(service::listTenants).stream().anyMatch(t -> t.id().equals(tenantId)));
        assertEquals(List.of("tenant.created"), actionsOf(tenantId));
        assertEquals("100000000", KeyStoreFixture.string(
                "SELECT detail->>'monthlyTokenBudget' FROM audit_log WHERE target_id = ? AND action = 'tenant.created'", tenantId));
    }

    @Test
    void aTakenIdIsRefusedAndTheFirstTenantKept() {
        DuplicateTenantException e = OnVertx.awaitFailure(DuplicateTenantException.class,
                () -> service.createTenant(tenantId, "Impostor", TenantLimits.unlimited(), "mallory"));

        assertEquals(tenantId, e.tenantId());
        assertEquals("ACME Search", OnVertx.await(() -> service.findTenant(tenantId)).name());
        assertEquals(List.of("tenant.created"), actionsOf(tenantId));
    }

    @Test
    void limitChangesAreAuditedWithThePreviousValuesAndANoOpIsNot() throws SQLException {
        TenantLimits raised = new TenantLimits(1200, 400_000, 0, 100_000_000);

        TenantView updated = OnVertx.await(() -> service.updateLimits(tenantId, raised, "bob"));
        OnVertx.await(() -> service.updateLimits(tenantId, raised, "bob"));

        assertEquals(raised, updated.limits());
        assertEquals(raised, OnVertx.await(() -> service.findTenant(tenantId)).limits());
        assertEquals(List.of("tenant.limits-updated", "tenant.created"), actionsOf(tenantId));
        assertEquals("600 1200 5000000 0", KeyStoreFixture.string("SELECT concat_ws(' ', detail->>'previous.rpm',"
                + " detail->>'rpm', detail->>'previous.dailyTokenBudget', detail->>'dailyTokenBudget') FROM audit_log"
                + " WHERE target_id = ? AND action = 'tenant.limits-updated'", tenantId));
    }

    @Test
    void suspensionAndActivationAreIdempotentAndAudited() throws SQLException {
        OnVertx.await(() -> service.suspend(tenantId, "unpaid invoice", "bob"));
        TenantView suspended = OnVertx.await(() -> service.suspend(tenantId, "unpaid invoice", "bob"));
        TenantView active = OnVertx.await(() -> service.activate(tenantId, "carol"));

        assertEquals(TenantStatus.SUSPENDED, suspended.status());
        assertEquals(TenantStatus.ACTIVE, active.status());
        assertEquals(List.of("tenant.active", "tenant.suspended", "tenant.created"), actionsOf(tenantId));
        assertEquals("unpaid invoice", KeyStoreFixture.string(
                "SELECT detail->>'reason' FROM audit_log WHERE target_id = ? AND action = 'tenant.suspended'", tenantId));
    }

    @Test
    void badInputAndUnknownIdsAreRefusedWithoutAChange() {
        assertEquals("limits", OnVertx.awaitFailure(InvalidKeyStoreInputException.class,
                () -> service.updateLimits(tenantId, null, "bob")).field());
        assertEquals("actor", OnVertx.awaitFailure(InvalidKeyStoreInputException.class,
                () -> service.suspend(tenantId, "x", " ")).field());
        assertEquals("id", OnVertx.awaitFailure(InvalidKeyStoreInputException.class,
                () -> service.createTenant("Not An Id", "x", TenantLimits.unlimited(), "bob")).field());
        OnVertx.awaitFailure(UnknownTenantException.class, () -> service.suspend("t-missing", "x", "bob"));

        assertEquals(TenantStatus.ACTIVE, OnVertx.await(() -> service.findTenant(tenantId)).status());
        assertEquals(List.of("tenant.created"), actionsOf(tenantId));
    }

    private List<String> actionsOf(String id) {
        return OnVertx.await(() -> Panache.withSession(() -> audit.findByTarget(AuditEntry.TENANT, id))).stream()
                .map(AuditEntry::action).toList();
    }
}
