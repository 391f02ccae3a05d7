package sluice.router;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sluice.testsupport.TestServers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every answered request becomes exactly one ledger row, with what it used. */
@QuarkusTest
@QuarkusTestResource(value = GatewayTestEnvironment.class, restrictToAnnotatedClass = false)
class UsageLedgerTest {

    @BeforeEach
    void reset() {
        GatewayTestEnvironment.resetGateway();
    }

    @Test
    void anAnsweredRequestLandsInTheLedgerWithItsReportedUsage() throws Exception {
        Response r = given().contentType(ContentType.JSON)
                .body("{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Count this\"}]}")
                .post("/v1/chat/completions");
        assertEquals(200, r.statusCode());
        String row = row(r.header("x-request-id"));
        assertTrue(row.startsWith("200|sim|" + r.header("x-sluice-key") + "|gpt-4o-mini|"), row);
        int prompt = r.jsonPath().getInt("usage.prompt_tokens");
        assertTrue(row.endsWith("|" + prompt + "|12|1"), "reported usage and one attempt: " + row);
    }

    @Test
    void aFailedRequestIsRecordedToo() throws Exception {
        GatewayTestEnvironment.sim().setFaults(sluice.sim.Faults.defaults().withServerErrorRate(1.0));
        Response r = given().contentType(ContentType.JSON)
                .body("{\"messages\":[{\"role\":\"user\",\"content\":\"fail\"}]}").post("/v1/chat/completions");
        assertEquals(503, r.statusCode());
        assertTrue(row(r.header("x-request-id")).startsWith("503|"));
    }

    /** status|provider|key|model|prompt|completion|attempts, polled until the drain wrote it. */
    private static String row(String requestId) throws Exception {
        for (int i = 0; i < 100; i++) {
            try (Connection c = TestServers.postgres().connect();
                 PreparedStatement s = c.prepareStatement("SELECT status, provider_id, key_id, model, prompt_tokens,"
                         + " completion_tokens, attempts, (SELECT count(*) FROM usage_ledger WHERE request_id = ?)"
                         + " FROM usage_ledger WHERE request_id = ?")) {
                s.setString(1, requestId);
                s.setString(2, requestId);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        assertEquals(1, rs.getInt(8), "exactly one row");
                        return rs.getInt(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4)
                                + "|" + rs.getString(5) + "|" + rs.getString(6) + "|" + rs.getInt(7);
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no ledger row for request " + requestId);
    }
}
