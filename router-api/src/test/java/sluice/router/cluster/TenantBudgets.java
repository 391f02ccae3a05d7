package sluice.router.cluster;

import io.vertx.core.json.JsonObject;
import sluice.testsupport.PostgresServer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;

/** A tenant with a budget made through a replica's admin API, and its usage read from the ledger. */
final class TenantBudgets {
    private TenantBudgets() {
    }

    /** Creates the tenant with {@code monthlyTokens} as its monthly budget. @return a client key of it */
    static String tenantWithMonthlyBudget(GatewayProcess replica, String adminToken, String tenant, long monthlyTokens)
            throws Exception {
        JsonObject body = new JsonObject().put("id", tenant).put("name", "Cluster budget test")
                .put("limits", new JsonObject().put("monthlyTokenBudget", monthlyTokens));
        post(replica, adminToken, "/admin/tenants", body, 201);
        return post(replica, adminToken, "/admin/tenants/" + tenant + "/client-keys",
                new JsonObject().put("label", "cluster load"), 201).getString("key");
    }

    private static JsonObject post(GatewayProcess replica, String token, String path, JsonObject body, int expected)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(replica.baseUrl() + path))
                .timeout(Duration.ofSeconds(30)).header("content-type", "application/json")
                .header("authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body.encode())).build();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != expected) {
            throw new AssertionError(path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return new JsonObject(answer.body());
    }

    /**
     * Waits (at most 30 s) until the ledger holds {@code answered} successful requests of the tenant.
     *
     * @return the prompt + completion tokens the provider reported for them
     */
    static long ledgerTokensOnceDrained(PostgresServer pg, String tenant, long answered) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try (Connection c = pg.connect(); PreparedStatement s = c.prepareStatement(
                    "SELECT count(*), coalesce(sum(prompt_tokens + completion_tokens), 0) FROM usage_ledger"
                            + " WHERE tenant_id = ? AND status = 200")) {
                s.setString(1, tenant);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) >= answered || System.nanoTime() > deadline) {
                        if (rs.getLong(1) != answered) {
                            throw new AssertionError("ledger holds " + rs.getLong(1) + " answers of " + answered);
                        }
                        return rs.getLong(2);
                    }
                }
            }
            Thread.sleep(200);
        }
    }
}
