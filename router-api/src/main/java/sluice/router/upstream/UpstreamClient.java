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
    /** Connections per provider: above the concurrency one replica serves, so requests never queue for one. */
    static final int POOL_SIZE = 512;
    private static final String JSON = "application/json";
    private static final String JSON_OR_EVENTS = "application/json, text/event-stream";

    private final Vertx vertx;
    private final Map<String, Upstream> upstreams = new ConcurrentHashMap<>();

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
        Upstream upstream = upstream(providerId, provider);
        RequestOptions options = upstream.options(HttpMethod.POST, upstream.chatUri)
                .setIdleTimeout(upstream.requestTimeoutMillis)
                .putHeader(HttpHeaders.AUTHORIZATION, "Bearer " + secret)
                .putHeader(HttpHeaders.CONTENT_TYPE, JSON)
                .putHeader(HttpHeaders.ACCEPT, JSON_OR_EVENTS);
        return upstream.client.request(options)
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
        Upstream upstream = upstream(providerId, provider);
        RequestOptions options = upstream.options(HttpMethod.GET, upstream.modelsUri)
                .setTimeout(timeoutMillis)
                .putHeader(HttpHeaders.AUTHORIZATION, "Bearer " + secret);
        return upstream.client.request(options)
                .compose(request -> request.send())
                .compose(response -> response.body().map(body -> response.statusCode()));
    }

    public void close() {
        upstreams.values().forEach(u -> u.client.close());
    }

    /** The provider's pool and its parsed base URL, made once (the base URL is not parsed per request). */
    private Upstream upstream(String providerId, SluiceConfig.Provider provider) {
        Upstream known = upstreams.get(providerId);
        return known != null ? known : upstreams.computeIfAbsent(providerId, id -> new Upstream(vertx, provider));
    }

    /** One provider's connection pool and where its endpoints are. */
    private static final class Upstream {
        final HttpClient client;
        final String host;
        final int port;
        final boolean ssl;
        final String chatUri;
        final String modelsUri;
        final long requestTimeoutMillis;

        Upstream(Vertx vertx, SluiceConfig.Provider provider) {
            URI base = URI.create(provider.baseUrl());
            this.ssl = "https".equals(base.getScheme());
            this.host = base.getHost();
            this.port = base.getPort() > 0 ? base.getPort() : (ssl ? 443 : 80);
            this.chatUri = base.getRawPath() + "/chat/completions";
            this.modelsUri = base.getRawPath() + "/models";
            this.requestTimeoutMillis = provider.requestTimeout().toMillis();
            this.client = vertx.createHttpClient(
                    new HttpClientOptions()
                            .setConnectTimeout((int) provider.connectTimeout().toMillis())
                            .setKeepAlive(true)
                            .setTcpNoDelay(true)
                            .setDecompressionSupported(false),
                    new PoolOptions().setHttp1MaxSize(POOL_SIZE));
        }

        RequestOptions options(HttpMethod method, String uri) {
            return new RequestOptions().setMethod(method).setHost(host).setPort(port).setSsl(ssl).setURI(uri);
        }
    }
}
