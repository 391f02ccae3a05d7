package sluice.router.auth;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.impl.ContextInternal;
import jakarta.enterprise.context.ApplicationScoped;
import sluice.keystore.ClientKeyService;
import sluice.keystore.ClientPrincipal;
import sluice.router.config.SluiceConfig;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who is calling: the client key from {@code Authorization: Bearer} (OpenAI SDKs) or
 * {@code x-api-key} (Anthropic SDKs), checked against its SHA-256 in PostgreSQL and cached for
 * {@code sluice.auth.cache-ttl} (never past the key's expiry), so the hot path rarely touches
 * the database. The cache is keyed by the hash, never by the clear key.
 */
@ApplicationScoped
public class ClientAuthenticator {
    private static final int MAX_CACHED = 100_000;

    private final ClientKeyService keys;
    private final boolean required;
    private final long ttlMillis;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(Optional<ClientPrincipal> principal, long expiresAt) {
    }

    /** The outcome: a principal, anonymous (no key, not required), or refused. */
    public record Outcome(ClientPrincipal principal, boolean refused, String reason) {
        static final Outcome ANONYMOUS = new Outcome(null, false, null);
    }

    public ClientAuthenticator(ClientKeyService keys, SluiceConfig config) {
        this.keys = keys;
        this.required = config.auth().requireClientKey();
        this.ttlMillis = config.auth().cacheTtl().toMillis();
    }

    public Future<Outcome> authenticate(HttpServerRequest request) {
        String presented = presentedKey(request);
        if (presented == null) {
            return Future.succeededFuture(required
                    ? new Outcome(null, true, "a client key is required (Authorization: Bearer or x-api-key)")
                    : Outcome.ANONYMOUS);
        }
        String hash = hash(presented);
        Cached hit = cache.get(hash);
        long now = System.currentTimeMillis();
        if (hit != null && hit.expiresAt() > now) {
            return Future.succeededFuture(outcome(hit.principal()));
        }
        Promise<Outcome> done = Vertx.currentContext() instanceof ContextInternal ctx ? ctx.promise() : Promise.promise();
        keys.authenticate(presented).subscribe().with(principal -> {
            remember(hash, principal, now);
            done.complete(outcome(principal));
        }, done::fail);
        return done.future();
    }

    private void remember(String hash, Optional<ClientPrincipal> principal, long now) {
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        long expires = now + ttlMillis;
        Instant keyExpiry = principal.map(ClientPrincipal::keyExpiresAt).orElse(null);
        if (keyExpiry != null) {
            expires = Math.min(expires, keyExpiry.toEpochMilli());
        }
        cache.put(hash, new Cached(principal, expires));
    }

    private static Outcome outcome(Optional<ClientPrincipal> principal) {
        return principal.map(p -> new Outcome(p, false, null))
                .orElseGet(() -> new Outcome(null, true, "the client key is not valid (unknown, revoked or expired)"));
    }

    private static String presentedKey(HttpServerRequest request) {
        String authorization = request.getHeader("authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String key = authorization.substring(7).trim();
            return key.isEmpty() ? null : key;
        }
        String apiKey = request.getHeader("x-api-key");
        return apiKey == null || apiKey.isBlank() ? null : apiKey.trim();
    }

    private static String hash(String presented) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(presented.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    /** For docs and tests: how long an accepted or refused key is remembered. */
    public Duration cacheTtl() {
        return Duration.ofMillis(ttlMillis);
    }
}
