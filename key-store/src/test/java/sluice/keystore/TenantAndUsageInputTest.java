package sluice.keystore;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Tenant values and usage query names are checked against their rules and allow-lists, naming the field. */
class TenantAndUsageInputTest {

    @Test
    void tenantLimitsNameTheLimit() {
        assertField("limits.rpm", () -> new TenantLimits(-1, 0, 0, 0));
        assertField("limits.monthlyTokenBudget", () -> new TenantLimits(0, 0, 0, -5));
    }

    @Test
    void tenantIdIsShortAndLogSafeAndNameIsRequired() {
        assertEquals("acme.eu", new TenantEntity("acme.eu", "ACME Europe", TenantLimits.unlimited(), Instant.now()).id());
        assertField("id", () -> new TenantEntity("ACME Europe", "ACME", TenantLimits.unlimited(), Instant.now()));
        assertField("name", () -> new TenantEntity("acme", " ", TenantLimits.unlimited(), Instant.now()));
        assertField("limits", () -> new TenantEntity("acme", "ACME", null, Instant.now()));
        assertField("status", () -> TenantStatus.fromDbValue("paused"));
    }

    @Test
    void groupByAndBucketComeFromAnAllowList() {
        assertEquals(UsageDimension.TASK_CLASS, UsageDimension.parse("taskClass"));
        assertEquals(UsageBucket.HOUR, UsageBucket.parse("hour"));
        assertField("groupBy", () -> UsageDimension.parse("provider_id; DROP TABLE usage_ledger"));
        assertField("groupBy", () -> UsageDimension.parse(null));
        assertField("bucket", () -> UsageBucket.parse("week"));
    }

    @Test
    void theRefusalDoesNotEchoTheInput() {
        InvalidKeyStoreInputException e = assertThrows(InvalidKeyStoreInputException.class,
                () -> UsageDimension.parse("<script>"));

        assertFalse(e.getMessage().contains("<script>"), e.getMessage());
        assertEquals("groupBy: must be one of key, provider, tenant, model, taskClass", e.getMessage());
    }

    @Test
    void aTenantScopeNeedsATenant() {
        assertField("tenantId", () -> UsageScope.tenant(" "));
        assertEquals("acme", UsageScope.tenant("acme").tenantId());
        assertEquals(null, UsageScope.allTenants().tenantId());
    }

    private static void assertField(String field, Executable action) {
        assertEquals(field, assertThrows(InvalidKeyStoreInputException.class, action).field());
    }
}
