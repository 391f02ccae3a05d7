package sluice.router.admin;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sluice.keystore.AuditLogRepository;
import sluice.keystore.MasterKeyRing;
import sluice.keystore.ProviderKeyRepository;
import sluice.keystore.ProviderKeyService;
import sluice.keystore.ProviderRepository;
import sluice.keystore.SecretCipher;
import sluice.router.GatewayTestEnvironment;
import sluice.router.SecretScan;
import sluice.router.TestMasterKey;
import sluice.router.routing.ProviderCatalog;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Master key rotation: one admin call re-seals every provider secret under the current version. */
@QuarkusTest
@QuarkusTestResource(value = GatewayTestEnvironment.class, restrictToAnnotatedClass = false)
class SecretReencryptionTest {
    private static final List<String> SECRETS = List.of(GatewayTestEnvironment.KEY_1, GatewayTestEnvironment.KEY_2);

    @Inject
    ProviderRepository providers;

    @Inject
    ProviderKeyRepository keyRows;

    @Inject
    AuditLogRepository audit;

    @Inject
    ProviderCatalog catalog;

    @BeforeEach
    void reset() {
        GatewayTestEnvironment.resetGateway();
    }

    @Test
    void onlyAnAdminMayReencryptAndTheEndpointIsInTheOpenApiDocument() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/admin/secrets/reencrypt'.post.tags[0]", equalTo("secrets"));
        AdminClient.assertProblem(AdminClient.as("viewer").post("/admin/secrets/reencrypt"), 403);
        AdminClient.assertProblem(AdminClient.as("operator").post("/admin/secrets/reencrypt"), 403);
        AdminClient.assertProblem(given().post("/admin/secrets/reencrypt"), 401);
    }

    @Test
    void secretsSealedUnderTheOldVersionMoveToTheCurrentOneAndStillServeRequests() throws Throwable {
        sealEverythingUnderVersion1();
        assertEquals("1", simKeyVersion(), "the simulator keys start under the old master key version");

        Response answer = AdminClient.asAdmin().post("/admin/secrets/reencrypt");
        assertEquals(200, answer.statusCode(), answer.asString());
        JsonPath report = answer.jsonPath();
        assertEquals(2, report.getInt("currentVersion"));
        assertTrue(report.getInt("reencrypted") >= 2, answer.asString());
        assertTrue(report.getBoolean("complete"));
        Map<String, Object> byVersion = report.getMap("keysByVersion");
        assertEquals(List.of("2"), List.copyOf(byVersion.keySet()), "every key on version 2: " + byVersion);
        SECRETS.forEach(secret -> assertFalse(answer.asString().contains(secret), "no secret in the answer"));
        assertEquals("2", simKeyVersion());

        JsonPath entry = AdminClient.as("viewer").queryParam("targetKind", "master-key").queryParam("targetId", "v2")
                .get("/admin/audit").jsonPath();
        assertEquals("secrets.reencrypted", entry.getString("[0].action"));
        assertEquals("admin-user", entry.getString("[0].actor"));

        catalog.refresh(); // the pools re-read the re-sealed secrets now rather than at the next refresh
        Response chat = given().contentType(ContentType.JSON)
                .body("{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .post("/v1/chat/completions");
        assertEquals(200, chat.statusCode(), "the simulator accepted the re-sealed secret: " + chat.asString());
        SecretScan.assertAbsent(Path.of("target"), SECRETS);
    }

    /** What an old deployment left behind: every secret sealed under master key version 1. */
    private void sealEverythingUnderVersion1() throws Throwable {
        SecretCipher version1 = new SecretCipher(MasterKeyRing.parse(TestMasterKey.RING).withCurrentVersion(1));
        ProviderKeyService oldService = new ProviderKeyService(providers, keyRows, audit, version1);
        VertxContextSupport.subscribeAndAwait(oldService::reencryptAll);
    }

    private static String simKeyVersion() throws Exception {
        return AdminClient.sqlValue("SELECT string_agg(DISTINCT secret_key_version::text, ',') FROM provider_keys"
                + " WHERE id IN ('sim-key-1', 'sim-key-2')");
    }
}
