package sluice.router.admin;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import sluice.keystore.UsageEvent;
import sluice.keystore.UsageLedgerWriter;
import sluice.router.GatewayTestEnvironment;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tenants, client keys shown once, and usage reads (admins: any tenant; a tenant: only its own). */
@QuarkusTest
@QuarkusTestResource(value = GatewayTestEnvironment.class, restrictToAnnotatedClass = false)
class AdminTenantsTest {
    /** Ledger rows of these tests live in March 2004, away from every other test's months. */
    private static final Instant MARCH_2004 = Instant.parse("2004-03-10T10:15:00Z");

    @Inject
    UsageLedgerWriter ledger;

    @Test
    void aTenantIsCreatedChangedSuspendedAndAudited() {
        String id = AdminClient.unique("acme");
        Response created = AdminClient.asAdmin().body(Map.of("id", id, "name", "Acme Corp",
                "limits", Map.of("rpm", 100, "dailyTokenBudget", 50000))).post("/admin/tenants");
        assertEquals(201, created.statusCode(), created.asString());
        assertEquals("active", created.jsonPath().getString("status"));
        assertEquals(50000, created.jsonPath().getInt("limits.dailyTokenBudget"));
        AdminClient.assertProblem(AdminClient.asAdmin().body(Map.of("id", id, "name", "again")).post("/admin/tenants"), 409);

        JsonPath patched = AdminClient.asAdmin().body(Map.of("limits", Map.of("tpm", 9000), "status", "suspended",
                "reason", "unpaid")).patch("/admin/tenants/" + id).then().statusCode(200).extract().jsonPath();
        assertEquals("suspended", patched.getString("status"));
        assertEquals(9000, patched.getInt("limits.tpm"));
        assertEquals(100, patched.getInt("limits.rpm"), "limits not named keep their value");
        assertEquals("suspended", AdminClient.as("viewer").get("/admin/tenants/" + id).jsonPath().getString("status"));
        assertTrue(AdminClient.as("viewer").get("/admin/tenants").jsonPath().getList("id").contains(id));

        List<String> actions = AdminClient.as("viewer").queryParam("targetKind", "tenant").queryParam("targetId", id)
                .get("/admin/audit").jsonPath().getList("action");
        assertEquals(List.of("tenant.suspended", "tenant.limits-updated", "tenant.created"), actions);
        AdminClient.assertProblem(AdminClient.as("viewer").get("/admin/tenants/no-such-tenant"), 404);
        AdminClient.assertProblem(AdminClient.asAdmin().body(Map.of("status", "active")).patch("/admin/tenants/no-such-tenant"), 404);
    }

    @Test
    void aClientKeyIsShownOnceThenOnlyItsPrefixAndRevokingIsAudited() {
        String tenant = createTenant();
        Response created = AdminClient.asAdmin().body(Map.of("label", "ci runner")).post("/admin/tenants/" + tenant + "/client-keys");
        assertEquals(201, created.statusCode(), created.asString());
        String key = created.jsonPath().getString("key");
        String keyId = created.jsonPath().getString("clientKey.id");
        String prefix = created.jsonPath().getString("clientKey.prefix");
        assertTrue(key.startsWith("sk-slc-") && key.startsWith(prefix), "shown once, in full");

        String listed = AdminClient.as("viewer").get("/admin/tenants/" + tenant + "/client-keys").then().statusCode(200)
                .extract().asString();
        assertFalse(listed.contains(key), "the key is never shown again");
        assertTrue(listed.contains(prefix), "only its prefix");

        JsonPath revoked = AdminClient.asAdmin().delete("/admin/client-keys/" + keyId).then().statusCode(200)
                .extract().jsonPath();
        assertNotNull(revoked.getString("revokedAt"));
        assertEquals("admin-user", AdminClient.as("viewer").queryParam("targetKind", "client-key").queryParam("targetId", keyId)
                .get("/admin/audit").jsonPath().getString("[0].actor"));
        AdminClient.assertProblem(AdminClient.asAdmin().delete("/admin/client-keys/ck-000000000000"), 404);
        AdminClient.assertProblem(AdminClient.asAdmin().body(Map.of("label", "x")).post("/admin/tenants/no-such-tenant/client-keys"), 404);
        AdminClient.assertProblem(AdminClient.as("viewer").get("/admin/tenants/no-such-tenant/client-keys"), 404);
    }

    @Test
    void usageIsGroupedForAdminsAndATenantSeesOnlyItsOwn() throws Throwable {
        String mine = createTenant();
        String other = createTenant();
        write(mine, "model-a", 3);
        write(mine, "model-b", 1);
        write(other, "model-a", 5);

        JsonPath totals = AdminClient.as("viewer").queryParam("groupBy", "model").queryParam("from", "2004-03-01")
                .queryParam("to", "2004-04-01T00:00:00Z").queryParam("tenant", mine).get("/admin/usage")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("model-a", "model-b"), totals.getList("totals.group"));
        assertEquals(List.of(3, 1), totals.getList("totals.sums.requests"));
        JsonPath series = AdminClient.as("viewer").queryParam("groupBy", "tenant").queryParam("from", "2004-03-10")
                .queryParam("to", "2004-03-11").queryParam("bucket", "hour").get("/admin/usage")
                .then().statusCode(200).extract().jsonPath();
        assertTrue(series.getList("series.group").containsAll(List.of(mine, other)), series.prettify());
        assertEquals("2004-03-10T10:00:00Z", series.getString("series[0].bucketStart"));

        String clientKey = AdminClient.asAdmin().body(Map.of("label", "reader")).post("/admin/tenants/" + mine + "/client-keys")
                .jsonPath().getString("key");
        JsonPath own = given().auth().oauth2(clientKey).queryParam("groupBy", "tenant").queryParam("from", "2004-03-01")
                .queryParam("to", "2004-04-01").get("/v1/usage").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(mine), own.getList("totals.group"), "nobody else's usage");
        assertEquals(4, own.getInt("totals[0].sums.requests"));
        given().header("x-api-key", clientKey).queryParam("groupBy", "model").queryParam("from", "2004-03-01")
                .queryParam("to", "2004-04-01").get("/v1/usage").then().statusCode(200);
        AdminClient.assertProblem(given().auth().oauth2("sk-slc-unknownkey000000000000000000000000000000")
                .queryParam("groupBy", "model").queryParam("from", "2004-03-01").queryParam("to", "2004-04-01")
                .get("/v1/usage"), 401);
        AdminClient.assertProblem(given().auth().oauth2(AdminClient.token("admin-user", "admin"))
                .queryParam("groupBy", "model").queryParam("from", "2004-03-01").queryParam("to", "2004-04-01")
                .get("/v1/usage"), 401);
    }

    private static String createTenant() {
        String id = AdminClient.unique("t");
        AdminClient.asAdmin().body(Map.of("id", id, "name", "Tenant " + id)).post("/admin/tenants").then().statusCode(201);
        return id;
    }

    private void write(String tenant, String model, int requests) throws Throwable {
        List<UsageEvent> events = new java.util.ArrayList<>();
        for (int i = 0; i < requests; i++) {
            events.add(new UsageEvent(UUID.randomUUID().toString(), MARCH_2004, tenant, "ck-test", "sim", "sim-key-1",
                    model, "general", 10, 20, 11, 19, 200, 1, 30, null));
        }
        VertxContextSupport.subscribeAndAwait(() -> ledger.writeBatch(events));
    }
}
