package sluice.router.admin;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sluice.router.GatewayTestEnvironment;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A tenant's monthly token budget is admitted with every request and refused, in OpenAI's format, once spent. */
@QuarkusTest
@QuarkusTestResource(value = GatewayTestEnvironment.class, restrictToAnnotatedClass = false)
class TenantMonthlyBudgetTest {
    private static final long BUDGET = 300;
    private static final String BODY = """
            {"model":"gpt-4o-mini","max_tokens":20,"messages":[{"role":"user","content":"Count to three."}]}""";

    @BeforeEach
    void reset() {
        GatewayTestEnvironment.resetGateway();
    }

    @Test
    void aTenantOverItsMonthlyBudgetGetsA429UntilTheMonthResetsAndNeverSpendsMore() {
        String tenant = AdminClient.unique("monthly");
        AdminClient.asAdmin().body(Map.of("id", tenant, "name", "Monthly budget",
                "limits", Map.of("monthlyTokenBudget", BUDGET))).post("/admin/tenants").then().statusCode(201);
        String key = AdminClient.asAdmin().body(Map.of("label", "budget test")).post("/admin/tenants/" + tenant + "/client-keys")
                .then().statusCode(201).extract().jsonPath().getString("key");

        long used = 0;
        Response refused = null;
        for (int i = 0; i < 40 && refused == null; i++) {
            Response r = given().contentType(ContentType.JSON).header("Authorization", "Bearer " + key).body(BODY)
                    .post("/v1/chat/completions");
            if (r.statusCode() == 200) {
                used += r.jsonPath().getLong("usage.total_tokens");
            } else {
                refused = r;
            }
        }
        assertTrue(used > 0 && refused != null, "some requests fit the budget, then one is refused; used " + used);
        assertEquals(429, refused.statusCode(), refused.asString());
        JsonPath error = refused.jsonPath();
        assertEquals("rate_limit_exceeded", error.getString("error.code"));
        assertTrue(error.getString("error.message").contains("tenant limit: monthly token budget ("),
                error.getString("error.message"));
        assertTrue(error.getString("error.message").contains("of " + BUDGET + " tokens used this month"));
        long untilMonthEnd = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).plusMonths(1).atStartOfDay()
                .toEpochSecond(ZoneOffset.UTC) - System.currentTimeMillis() / 1000;
        long retryAfter = Long.parseLong(refused.header("retry-after"));
        assertTrue(Math.abs(retryAfter - untilMonthEnd) <= 5, "retry-after " + retryAfter + " vs " + untilMonthEnd);
        assertTrue(used <= BUDGET, "tokens answered " + used + " within the budget " + BUDGET);

        // the tenant's reservation is settled before the answer ends: no waiting for it here
        JsonPath month = AdminClient.as("viewer").get("/admin/tenants/" + tenant).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(used, month.getLong("usage.month.tokens"), "the month holds the reported usage");
        assertEquals(BUDGET, month.getLong("usage.month.tokenLimit"));
        assertEquals(0, month.getLong("usage.today.tokenLimit"), "no daily budget set");
    }
}
