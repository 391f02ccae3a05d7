package sluice.router.admin;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sluice.router.GatewayTestEnvironment;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Whatever a client sends, the answer is a 4xx problem naming the field; never a 500 or a stack trace. */
@QuarkusTest
@QuarkusTestResource(value = GatewayTestEnvironment.class, restrictToAnnotatedClass = false)
class AdminBadInputTest {

    @BeforeAll
    static void provider() throws Exception {
        AdminClient.ensureTestProvider();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "malformed JSON           | POST  | /admin/keys                 | {\"provider\": \"sim\",          | ",
            "not an object            | POST  | /admin/keys                 | [1,2]                            | ",
            "no body                  | POST  | /admin/keys                 |                                  | ",
            "missing provider         | POST  | /admin/keys                 | {\"label\":\"l\",\"secret\":\"sk-abcdefghijklmnop\"} | provider",
            "missing secret           | POST  | /admin/keys                 | {\"provider\":\"admin-test\",\"label\":\"l\"} | secret",
            "blank label              | POST  | /admin/keys                 | {\"provider\":\"admin-test\",\"label\":\" \",\"secret\":\"sk-abcdefghijklmnop\"} | label",
            "secret with a space      | POST  | /admin/keys                 | {\"provider\":\"admin-test\",\"label\":\"l\",\"secret\":\"sk-abc defghijklmnop\"} | secret",
            "secret not a string      | POST  | /admin/keys                 | {\"provider\":\"admin-test\",\"label\":\"l\",\"secret\":{\"a\":1}} | secret",
            "bad key id               | POST  | /admin/keys                 | {\"provider\":\"admin-test\",\"id\":\"Bad Id!\",\"label\":\"l\",\"secret\":\"sk-abcdefghijklmnop\"} | id",
            "rpm not a number         | POST  | /admin/keys                 | {\"provider\":\"admin-test\",\"label\":\"l\",\"secret\":\"sk-abcdefghijklmnop\",\"limits\":{\"rpm\":\"lots\"}} | limits.rpm",
            "negative tpm             | PATCH | /admin/keys/sim-key-1       | {\"limits\":{\"tpm\":-5}}        | limits.tpm",
            "unknown zone             | PATCH | /admin/keys/sim-key-1       | {\"limits\":{\"dailyResetZone\":\"Mars/Base\"}} | limits.dailyResetZone",
            "weight out of range      | PATCH | /admin/keys/sim-key-1       | {\"weight\":0}                   | weight",
            "unknown key status       | PATCH | /admin/keys/sim-key-1       | {\"status\":\"sleeping\"}        | status",
            "limits not an object     | PATCH | /admin/keys/sim-key-1       | {\"limits\":[1]}                 | limits",
            "rotate without secret    | POST  | /admin/keys/sim-key-1/rotate | {}                              | secret",
            "tenant id missing        | POST  | /admin/tenants              | {\"name\":\"n\"}                 | id",
            "tenant id invalid        | POST  | /admin/tenants              | {\"id\":\"A B\",\"name\":\"n\"}  | id",
            "tenant name missing      | POST  | /admin/tenants              | {\"id\":\"okid\"}                | name",
            "negative budget          | POST  | /admin/tenants              | {\"id\":\"okid\",\"name\":\"n\",\"limits\":{\"monthlyTokenBudget\":-1}} | limits.monthlyTokenBudget",
            "unknown tenant status    | PATCH | /admin/tenants/okid         | {\"status\":\"gone\"}            | status",
            "client key no label      | POST  | /admin/tenants/okid/client-keys | {}                          | label",
            "expiry not a date        | POST  | /admin/tenants/okid/client-keys | {\"label\":\"l\",\"expiresAt\":\"soon\"} | expiresAt",
            "expiry in the past       | POST  | /admin/tenants/okid/client-keys | {\"label\":\"l\",\"expiresAt\":\"2001-01-01T00:00:00Z\"} | expiresAt",
            "token unknown role       | POST  | /admin/tokens               | {\"subject\":\"s\",\"roles\":[\"viewer\",\"root\"]} | roles[1]",
            "token bad lifetime       | POST  | /admin/tokens               | {\"subject\":\"s\",\"roles\":[\"viewer\"],\"lifetime\":\"forever\"} | lifetime",
            "token too long           | POST  | /admin/tokens               | {\"subject\":\"s\",\"roles\":[\"viewer\"],\"lifetime\":\"P400D\"} | lifetime",
            "token roles not a list   | POST  | /admin/tokens               | {\"subject\":\"s\",\"roles\":\"admin\"} | roles",
    })
    void rejectedWithA400ProblemNamingTheField(String name, String method, String path, String body, String field) {
        var request = AdminClient.asAdmin();
        if (body != null) {
            request.body(body);
        }
        Response response = request.request(method, path);
        AdminClient.assertProblem(response, 400);
        if (field != null) {
            assertEquals(field, response.jsonPath().getString("field"), response.asString());
        }
        assertFalse(response.asString().contains("sk-abc"), "no input echoed: " + response.asString());
        assertFalse(response.asString().contains("java."), "no class names: " + response.asString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "groupBy missing         | from=2026-01-01&to=2026-01-02                               | groupBy",
            "groupBy unknown         | groupBy=colour&from=2026-01-01&to=2026-01-02                | groupBy",
            "from missing            | groupBy=model&to=2026-01-02                                 | from",
            "from not a date         | groupBy=model&from=yesterday&to=2026-01-02                  | from",
            "to before from          | groupBy=model&from=2026-01-02&to=2026-01-01                 | to",
            "bucket unknown          | groupBy=model&from=2026-01-01&to=2026-01-02&bucket=minute   | bucket",
            "series too long         | groupBy=model&from=2020-01-01&to=2026-01-01&bucket=hour     | to",
            "tenant blank            | groupBy=model&from=2026-01-01&to=2026-01-02&tenant=%20      | tenant",
    })
    void usageQueriesAreValidated(String name, String query, String field) {
        Response response = AdminClient.as("viewer").urlEncodingEnabled(false).get("/admin/usage?" + query);
        AdminClient.assertProblem(response, 400);
        assertEquals(field, response.jsonPath().getString("field"), response.asString());
    }

    @Test
    void auditQueriesAreValidated() {
        for (String limit : new String[]{"0", "1001", "ten"}) {
            Response response = AdminClient.as("viewer").queryParam("limit", limit).get("/admin/audit");
            AdminClient.assertProblem(response, 400);
            assertEquals("limit", response.jsonPath().getString("field"));
        }
        Response half = AdminClient.as("viewer").queryParam("targetKind", "tenant").get("/admin/audit");
        AdminClient.assertProblem(half, 400);
        assertEquals("targetId", half.jsonPath().getString("field"));
    }

    @Test
    void wrongMediaTypeAndMethodAreProblemsToo() {
        AdminClient.assertProblem(AdminClient.asAdmin().contentType("text/plain").body("hello").post("/admin/tenants"), 415);
        AdminClient.assertProblem(AdminClient.asAdmin().put("/admin/keys/sim-key-1"), 405);
    }

    @Test
    void badInputLeavesNoStackTraceInTheLog() throws Exception {
        AdminClient.asAdmin().body("{oops").post("/admin/keys").then().statusCode(400);
        Path log = Path.of("target/quarkus-test.log");
        String text = Files.exists(log) ? Files.readString(log) : "";
        assertFalse(text.contains("\tat "), "stack trace in the gateway log");
        assertFalse(text.contains("Exception:"), "exception in the gateway log");
    }
}
