package sluice.router.upstream;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import sluice.router.config.SluiceConfig;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sends requests to upstream providers over pooled keep-alive connections (one pool per
 * provider) with the Vert.x core client, which hands the response over before its body so
 * streams can be relayed chunk by chunk.
 */
public final class UpstreamClient {
    private final Vertx vertx;
    private final Map<String, HttpClient> clients = new ConcurrentHashMap<>();

    public UpstreamClient(Vertx vertx) {
        this.vertx = vertx;
    }

    /**
     * Starts {@code POST {baseUrl}/chat/completions}. The returned response is paused: the
     * caller decides whether to read, relay or discard its body.
     *
     * @return a future failed with the connection or timeout error when no response head came
     */
    public Future<HttpClientResponse> postChat(String providerId, SluiceConfig.Provider provider,
                                               String secret, Buffer body) {
        URI base = URI.create(provider.baseUrl());
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setHost(base.getHost())
                .setPort(base.getPort() > 0 ? base.getPort() : ("https".equals(base.getScheme()) ? 443 : 80))
                .setSsl("https".equals(base.getScheme()))
                .setURI(base.getRawPath() + "/chat/completions")
                .setIdleTimeout(provider.requestTimeout().toMillis())
                .putHeader(HttpHeaders.AUTHORIZATION, "Bearer " + secret)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.ACCEPT, "application/json, text/event-stream");
        return client(providerId, provider).request(options)
                .compose(request -> request.send(body))
                .map(response -> {
                    response.pause();
                    return response;
                });
    }

    /**
     * A health probe: {@code GET {baseUrl}/models}, which costs no quota.
     *
     * @return the HTTP status, or a failed future when no answer came within {@code timeout}
     */
    public Future<Integer> probe(String providerId, SluiceConfig.Provider provider, String secret, long timeoutMillis) {
        URI base = URI.create(provider.baseUrl());
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setHost(base.getHost())
                .setPort(base.getPort() > 0 ? base.getPort() : ("https".equals(base.getScheme()) ? 443 : 80))
                .setSsl("https".equals(base.getScheme()))
                .setURI(base.getRawPath() + "/models")
                .setTimeout(timeoutMillis)
                .putHeader(HttpHeaders.AUTHORIZATION, "Bearer " + secret);
        return client(providerId, provider).request(options)
                .compose(request -> request.send())
                .compose(response -> response.body().map(body -> response.statusCode()));
    }

    public void close() {
        clients.values().forEach(HttpClient::close);
    }

    private HttpClient client(String providerId, SluiceConfig.Provider provider) {
        return clients.computeIfAbsent(providerId, id -> vertx.createHttpClient(
                new HttpClientOptions()
                        .setConnectTimeout((int) provider.connectTimeout().toMillis())
                        .setKeepAlive(true)
                        .setTcpNoDelay(true)
                        .setDecompressionSupported(false),
                new PoolOptions().setHttp1MaxSize(512)));
    }
}
