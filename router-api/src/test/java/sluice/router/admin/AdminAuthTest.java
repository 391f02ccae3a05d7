package sluice.router.admin;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sluice.router.GatewayTestEnvironment;
import sluice.router.SecretScan;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Who may call what: 401 without a valid token, 403 for a role that may not, both as problem JSON. */
@QuarkusTest
@QuarkusTestResource(value = GatewayTestEnvironment.class, restrictToAnnotatedClass = false)
class AdminAuthTest {
    private static final String CHAT = """
            {"model":"gpt-4o-mini","max_tokens":20,"messages":[{"role":"user","content":"Hello there"}]}""";

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "GET, /admin/keys", "GET, /admin/keys/sim-key-1", "POST, /admin/keys", "PATCH, /admin/keys/sim-key-1",
            "POST, /admin/keys/sim-key-1/rotate", "POST, /admin/keys/sim-key-1/clear-cooldown",
            "DELETE, /admin/keys/sim-key-1", "GET, /admin/providers", "GET, /admin/tenants", "POST, /admin/tenants",
            "GET, /admin/tenants/t1", "PATCH, /admin/tenants/t1", "POST, /admin/tenants/t1/client-keys",
            "GET, /admin/tenants/t1/client-keys", "DELETE, /admin/client-keys/ck-1", "GET, /admin/usage",
            "GET, /admin/audit", "POST, /admin/tokens"})
    void everyAdminEndpointRefusesACallerWithoutToken(String method, String path) {
        Response anonymous = given().contentType(ContentType.JSON).body("{}").request(method, path);
        AdminClient.assertProblem(anonymous, 401);
        assertEquals("Bearer", anonymous.header("WWW-Authenticate"));
        Response client = given().header("Authorization", "Bearer sk-slc-notajwtatall").contentType(ContentType.JSON)
                .body("{}").request(method, path);
        AdminClient.assertProblem(client, 401);
    }

    @Test
    void aTokenSignedWithAnotherSecretOrIssuerOrExpiredIsRefused() {
        String otherSecret = Jwt.issuer("sluice").subject("mallory").groups(Set.of("admin")).expiresIn(300)
                .signWithSecret("another-secret-that-is-long-enough-0123456789");
        String otherIssuer = Jwt.issuer("someone-else").subject("mallory").groups(Set.of("admin")).expiresIn(300)
                .signWithSecret(AdminClient.secret());
        String expired = Jwt.issuer("sluice").subject("mallory").groups(Set.of("admin"))
                .issuedAt(1_000_000L).expiresAt(1_000_600L).signWithSecret(AdminClient.secret());
        for (String token : List.of(otherSecret, otherIssuer, expired)) {
            AdminClient.assertProblem(given().auth().oauth2(token).get("/admin/keys"), 401);
        }
    }

    @Test
    void viewerReadsButChangesNothing() {
        AdminClient.as("viewer").get("/admin/keys").then().statusCode(200);
        AdminClient.as("viewer").get("/admin/providers").then().statusCode(200);
        AdminClient.as("viewer").get("/admin/audit").then().statusCode(200);
        AdminClient.assertProblem(AdminClient.as("viewer").post("/admin/keys/sim-key-1/clear-cooldown"), 403);
        AdminClient.assertProblem(AdminClient.as("viewer").body("{\"weight\":1}").patch("/admin/keys/sim-key-1"), 403);
        AdminClient.assertProblem(AdminClient.as("viewer").body("{\"id\":\"x\",\"name\":\"x\"}").post("/admin/tenants"), 403);
    }

    @Test
    void operatorChangesKeyStatesButNotKeysTenantsOrTokens() {
        AdminClient.as("operator").post("/admin/keys/sim-key-1/clear-cooldown").then().statusCode(200);
        AdminClient.as("operator").body("{\"status\":\"active\"}").patch("/admin/keys/sim-key-1").then().statusCode(200);
        AdminClient.assertProblem(AdminClient.as("operator").body("{\"label\":\"renamed\"}").patch("/admin/keys/sim-key-1"), 403);
        AdminClient.assertProblem(AdminClient.as("operator").body("{\"status\":\"revoked\"}").patch("/admin/keys/sim-key-1"), 403);
        AdminClient.assertProblem(AdminClient.as("operator").body("{\"provider\":\"sim\",\"label\":\"x\",\"secret\":\"sk-x\"}")
                .post("/admin/keys"), 403);
        AdminClient.assertProblem(AdminClient.as("operator").delete("/admin/keys/sim-key-1"), 403);
        AdminClient.assertProblem(AdminClient.as("operator").body("{\"id\":\"x\",\"name\":\"x\"}").post("/admin/tenants"), 403);
        AdminClient.assertProblem(AdminClient.as("operator").body("{\"subject\":\"x\",\"roles\":[\"admin\"]}").post("/admin/tokens"), 403);
    }

    @Test
    void theBootstrapTokenIsAdminAndIssuesWorkingJwts() {
        Response issued = given().auth().oauth2(AdminClient.bootstrapToken()).contentType(ContentType.JSON)
                .body("{\"subject\":\"alice\",\"roles\":[\"operator\"],\"lifetime\":\"PT1H\"}").post("/admin/tokens");
        assertEquals(201, issued.statusCode(), issued.asString());
        String jwt = issued.jsonPath().getString("token");
        given().auth().oauth2(jwt).get("/admin/keys").then().statusCode(200);
        AdminClient.assertProblem(given().auth().oauth2(jwt).contentType(ContentType.JSON).body("{\"id\":\"x\",\"name\":\"x\"}")
                .post("/admin/tenants"), 403);
        AdminClient.asAdmin().queryParam("targetKind", "admin-token").queryParam("targetId", "alice").get("/admin/audit")
                .then().statusCode(200)
                .body("[0].actor", equalTo(BootstrapTokenIdentityProvider.PRINCIPAL))
                .body("[0].action", equalTo("admin-token.issued"))
                .body("[0].detail.roles", equalTo("operator"));
        AdminClient.assertProblem(given().auth().oauth2(AdminClient.bootstrapToken() + "x").get("/admin/keys"), 401);
    }

    @Test
    void theChatApiChecksClientKeysNotAdminTokens() {
        GatewayTestEnvironment.resetGateway();
        // admin auth never applies to /v1: a bearer there is a client key, refused in OpenAI's format
        for (String bearer : List.of("sk-whatever", "sk-slc-notarealclientkey0000000000000000000000",
                "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl")) {
            given().header("Authorization", "Bearer " + bearer).contentType(ContentType.JSON).body(CHAT)
                    .post("/v1/chat/completions")
                    .then().statusCode(401).body("error.code", equalTo("invalid_api_key"));
        }
        given().contentType(ContentType.JSON).body(CHAT).post("/v1/chat/completions")
                .then().statusCode(200).body("object", equalTo("chat.completion"));
        given().header("Authorization", "Bearer sk-whatever").get("/v1/models").then().statusCode(200);
    }

    @Test
    void openApiDocumentAndSwaggerUiAreServed() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/admin/keys'.get.summary", startsWith("List keys"))
                .body("paths.'/admin/keys/{id}/clear-cooldown'.post.tags[0]", equalTo("keys"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @AfterAll
    static void noAdminSecretInTheLog() {
        SecretScan.assertAbsent(Path.of("target"), List.of(AdminClient.secret(), AdminClient.bootstrapToken()));
    }
}
