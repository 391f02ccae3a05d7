package sluice.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Real HTTP calls to a running simulator, as a gateway would make them. */
final class SimClient {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final ProviderSim sim;

    SimClient(ProviderSim sim) {
        this.sim = sim;
    }

    /** @return a chat body with one user message, model gpt-4o-mini */
    static ObjectNode chatBody(String userText) {
        ObjectNode body = JSON.createObjectNode().put("model", "gpt-4o-mini");
        body.putArray("messages").addObject().put("role", "user").put("content", userText);
        return body;
    }

    static ObjectNode streamBody(String userText, boolean includeUsage) {
        ObjectNode body = chatBody(userText).put("stream", true);
        if (includeUsage) {
            body.putObject("stream_options").put("include_usage", true);
        }
        return body;
    }

    HttpResponse<String> chat(String key, JsonNode body) {
        return send(chatRequest(key, body.toString()).build());
    }

    HttpResponse<String> chatRaw(String key, String body) {
        return send(chatRequest(key, body).build());
    }

    CompletableFuture<HttpResponse<String>> chatAsync(String key, JsonNode body) {
        return http.sendAsync(chatRequest(key, body.toString()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Streams a chat answer, recording each body read event as it arrives. */
    StreamCapture stream(String key, JsonNode body) {
        StreamCapture capture = new StreamCapture();
        http.sendAsync(chatRequest(key, body.toString()).build(),
                        HttpResponse.BodyHandlers.ofPublisher())
                .whenComplete(capture::onResponse);
        return capture;
    }

    HttpRequest.Builder chatRequest(String key, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(sim.baseUrl() + "/chat/completions"))
                .timeout(Duration.ofSeconds(10))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("authorization", "Bearer " + key);
        }
        return request;
    }

    HttpResponse<String> get(String url, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10));
        if (key != null) {
            request.header("authorization", "Bearer " + key);
        }
        return send(request.build());
    }

    /** Calls the admin API: {@code path} below {@code /_sim}, e.g. "/keys/k1". */
    HttpResponse<String> admin(String method, String path, String body) {
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        return send(HttpRequest.newBuilder(URI.create(sim.adminUrl() + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, publisher)
                .build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpClient http() {
        return http;
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }
}
