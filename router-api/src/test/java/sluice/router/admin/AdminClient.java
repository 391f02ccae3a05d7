package sluice.router.admin;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import org.eclipse.microprofile.config.ConfigProvider;
import sluice.testsupport.TestServers;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Calls the admin API as a given role, with JWTs signed like the gateway's own issuer does, and
 * reads PostgreSQL directly to check what an endpoint stored. Keys made by admin tests belong to
 * the provider {@link #PROVIDER}, which exists only in PostgreSQL: no replica routes to it, so the
 * chat tests never meet these keys.
 */
public final class AdminClient {
    static final String PROVIDER = "admin-test";

    private AdminClient() {
    }

    static String secret() {
        return ConfigProvider.getConfig().getValue("sluice.admin.jwt-secret", String.class);
    }

    static String bootstrapToken() {
        return ConfigProvider.getConfig().getValue("sluice.admin.bootstrap-token", String.class);
    }

    static String token(String subject, String... roles) {
        return Jwt.issuer("sluice").subject(subject).groups(Set.of(roles)).expiresIn(300).signWithSecret(secret());
    }

    /** A request as {@code <role>-user} holding that one role. */
    static RequestSpecification as(String role) {
        return given().auth().oauth2(token(role + "-user", role)).contentType(ContentType.JSON);
    }

    public static RequestSpecification asAdmin() {
        return as(AdminRoles.ADMIN);
    }

    /** Creates the PostgreSQL-only provider of the admin tests once. */
    static void ensureTestProvider() throws Exception {
        sql("INSERT INTO providers (id, kind, base_url, models) VALUES ('" + PROVIDER
                + "', 'openai-compatible', 'http://127.0.0.1:9/v1', '{m1}') ON CONFLICT DO NOTHING");
    }

    public static String unique(String prefix) {
        return prefix + "-" + Long.toString(Instant.now().toEpochMilli(), 36) + "-" + (int) (Math.random() * 1000);
    }

    /** Asserts an error answer: the status, {@code application/problem+json}, and a body saying the same status. */
    static void assertProblem(Response response, int status) {
        assertEquals(status, response.statusCode(), response.asString());
        assertEquals(Problem.MEDIA_TYPE, response.contentType().split(";")[0], response.asString());
        assertEquals(status, response.jsonPath().getInt("status"));
        assertTrue(response.jsonPath().getString("type").startsWith("urn:sluice:problem:"), response.asString());
    }

    static void sql(String statement) throws Exception {
        try (Connection c = TestServers.postgres().connect(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    static String sqlValue(String query) throws Exception {
        try (Connection c = TestServers.postgres().connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(query)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
