package sluice.bench;

import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Makes {@code --count} tenants (no limits) and one client key each through the gateway's admin
 * API, and writes the keys one per line to {@code --out}: the scale scenario's "1,000 tenants",
 * sent in turn by {@code load --auth-file}. Eight calls at a time; loopback only.
 */
final class TenantMint {
    private static final int IN_FLIGHT = 8;

    private TenantMint() {
    }

    static void run(Args args) throws Exception {
        String gateway = LoadSpec.requireLoopback(args.string("gateway"));
        String token = Files.readString(Path.of(args.string("token-file"))).trim();
        int count = args.integer("count", 1000);
        String prefix = args.string("prefix", "bench-t");
        HttpClient http = HttpClient.newHttpClient();
        List<String> keys = new ArrayList<>(count);
        for (int from = 1; from <= count; from += IN_FLIGHT) {
            List<CompletableFuture<String>> batch = new ArrayList<>(IN_FLIGHT);
            for (int i = from; i < from + IN_FLIGHT && i <= count; i++) {
                String id = String.format("%s-%05d", prefix, i);
                batch.add(post(http, gateway + "/admin/tenants", token,
                        new JsonObject().put("id", id).put("name", "bench tenant " + i))
                        .thenCompose(created -> post(http, gateway + "/admin/tenants/" + id + "/client-keys", token,
                                new JsonObject().put("label", "bench")))
                        .thenApply(answer -> new JsonObject(answer).getString("key")));
            }
            for (CompletableFuture<String> key : batch) {
                keys.add(key.join());
            }
        }
        Files.write(Path.of(args.string("out")), keys, StandardCharsets.UTF_8);
        System.out.println("minted " + keys.size() + " tenants with a client key each");
    }

    private static CompletableFuture<String> post(HttpClient http, String url, String token, JsonObject body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("authorization", "Bearer " + token)
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.encode()))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(answer -> {
            if (answer.statusCode() >= 300) {
                throw new IllegalStateException(url + " answered " + answer.statusCode() + ": " + answer.body());
            }
            return answer.body();
        });
    }
}
