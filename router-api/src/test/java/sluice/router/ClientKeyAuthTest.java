package sluice.router;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sluice.keystore.ClientKeyService;
import sluice.keystore.CreatedClientKey;
import sluice.keystore.TenantLimits;
import sluice.keystore.TenantService;
import sluice.testsupport.TestServers;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Client keys identify the tenant, whose own limits are admitted atomically like a key's. */
@QuarkusTest
@QuarkusTestResource(value = GatewayTestEnvironment.class, restrictToAnnotatedClass = false)
class ClientKeyAuthTest {
    private static final String BODY = """
            {"model":"gpt-4o-mini","messages":[{"role":"user","content":"Who am I?"}]}""";

    @Inject
    TenantService tenants;

    @Inject
    ClientKeyService clientKeys;

    @BeforeEach
    void reset() {
        GatewayTestEnvironment.resetGateway();
    }

    @Test
    void anUnknownKeyIsRefusedWithA401InOpenAisFormat() {
        Response r = given().contentType(ContentType.JSON).header("Authorization", "Bearer sk-slc-not-a-real-key")
                .body(BODY).post("/v1/chat/completions");
        assertEquals(401, r.statusCode());
        assertEquals("invalid_api_key", r.jsonPath().getString("error.code"));
    }

    @Test
    void aClientKeyActsForItsTenantWhoseLimitIsSharedByEveryRequest() throws Throwable {
        String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
        String key = newClientKey(tenant, new TenantLimits(2, 0, 0, 0));

        Response first = given().contentType(ContentType.JSON).header("Authorization", "Bearer " + key)
                .body(BODY).post("/v1/chat/completions");
        assertEquals(200, first.statusCode(), first.asString());
        Response second = given().contentType(ContentType.JSON).header("x-api-key", key)
                .body(BODY).post("/v1/chat/completions");
        assertEquals(200, second.statusCode(), "Anthropic-style x-api-key works too: " + second.asString());
        Response third = given().contentType(ContentType.JSON).header("Authorization", "Bearer " + key)
                .body(BODY).post("/v1/chat/completions");
        assertEquals(429, third.statusCode(), third.asString());
        assertTrue(third.asString().contains("tenant limit: rpm"), third.asString());
        assertTrue(Long.parseLong(third.header("retry-after")) >= 1);
        assertEquals(tenant, ledgerTenant(first.header("x-request-id")));
    }

    private String newClientKey(String tenant, TenantLimits limits) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> tenants.createTenant(tenant, "Test tenant", limits, "test"));
        CreatedClientKey created = VertxContextSupport.subscribeAndAwait(
                () -> clientKeys.create(tenant, "test key", null, "test"));
        return created.key().reveal();
    }

    private static String ledgerTenant(String requestId) throws Exception {
        for (int i = 0; i < 100; i++) {
            try (Connection c = TestServers.postgres().connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT tenant_id FROM usage_ledger WHERE request_id = '" + requestId + "'")) {
                if (rs.next()) {
                    return rs.getString(1);
                }
            }
            Thread.sleep(100);
        }
        return null;
    }
}
