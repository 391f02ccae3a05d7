package sluice.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The unauthenticated control API under {@code /_sim/}: stats, reset, keys, faults. Meant for
 * loopback only; see README.md for each endpoint.
 */
final class AdminHandler {

    static final String PREFIX = "/_sim/";
    private static final String KEYS = PREFIX + "keys/";
    private static final String EXHAUST = "/exhaust";

    private final KeyRegistry registry;
    private final ObjectMapper mapper;

    AdminHandler(KeyRegistry registry, ObjectMapper mapper) {
        this.registry = registry;
        this.mapper = mapper;
    }

    void handle(HttpServerRequest request) {
        request.body().onSuccess(body -> {
            try {
                route(request, body);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                OpenAiErrors.send(request.response(), 400, e.getMessage(),
                        "invalid_request_error", null, null);
            }
        });
    }

    private void route(HttpServerRequest request, Buffer body) throws JsonProcessingException {
        String path = request.path();
        HttpMethod method = request.method();
        HttpServerResponse response = request.response();
        if (path.equals(PREFIX + "stats") && method == HttpMethod.GET) {
            sendJson(response, registry.stats());
        } else if (path.equals(PREFIX + "reset") && method == HttpMethod.POST) {
            registry.reset();
            response.setStatusCode(204).end();
        } else if (path.equals(PREFIX + "faults") && method == HttpMethod.PUT) {
            registry.setGlobalFaults(read(body, Faults.class));
            sendJson(response, registry.globalFaults());
        } else if (path.equals(PREFIX + "faults") && method == HttpMethod.GET) {
            sendJson(response, registry.globalFaults());
        } else if (path.startsWith(KEYS) && path.length() > KEYS.length()) {
            routeKey(request, path.substring(KEYS.length()), body);
        } else {
            OpenAiErrors.notFound(response, method.name(), path);
        }
    }

    private void routeKey(HttpServerRequest request, String rest, Buffer body)
            throws JsonProcessingException {
        HttpMethod method = request.method();
        HttpServerResponse response = request.response();
        if (rest.endsWith(EXHAUST) && method == HttpMethod.POST) {
            String key = decode(rest.substring(0, rest.length() - EXHAUST.length()));
            if (registry.find(key) == null) {
                OpenAiErrors.send(response, 404, "unknown key", "invalid_request_error",
                        null, null);
                return;
            }
            registry.exhaust(key);
            response.setStatusCode(204).end();
        } else if (method == HttpMethod.PUT) {
            KeyConfig config = read(body, KeyConfig.class);
            registry.put(decode(rest), config.limits(), config.faults());
            response.setStatusCode(204).end();
        } else if (method == HttpMethod.DELETE) {
            boolean existed = registry.remove(decode(rest));
            response.setStatusCode(existed ? 204 : 404).end();
        } else {
            OpenAiErrors.notFound(response, method.name(), request.path());
        }
    }

    private <T> T read(Buffer body, Class<T> type) throws JsonProcessingException {
        if (body.length() == 0) {
            throw new IllegalArgumentException("a JSON body is required");
        }
        return mapper.readValue(body.toString(StandardCharsets.UTF_8), type);
    }

    private void sendJson(HttpServerResponse response, Object value)
            throws JsonProcessingException {
        response.putHeader("content-type", "application/json")
                .end(mapper.writeValueAsString(value));
    }

    private static String decode(String pathSegment) {
        return URLDecoder.decode(pathSegment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
