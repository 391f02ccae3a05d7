package sluice.router.admin;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The {@code sluice.admin.*} properties: how admin callers authenticate. See docs/configuration.md.
 * SmallRye JWT verifies with the same secret ({@code smallrye.jwt.verify.secretkey}, written by
 * {@link AdminSecretsConfigFactory}) and issuer ({@code mp.jwt.verify.issuer}, application.properties).
 */
@ConfigMapping(prefix = "sluice.admin")
public interface AdminConfig {
    /** Shortest HMAC secret accepted, in bytes: HS256 needs a key as long as its hash. */
    int MIN_SECRET_BYTES = 32;

    /**
     * The HMAC secret (≥ 32 bytes) that admin JWTs are signed with (HS256); env
     * {@code SLUICE_ADMIN_JWT_SECRET}. Absent: no JWT is accepted unless a public key is configured
     * for SmallRye JWT ({@code mp.jwt.verify.publickey.location}, with {@code smallrye.jwt.verify.algorithm=RS256}).
     */
    Optional<String> jwtSecret();

    /** A file holding {@link #jwtSecret()} (e.g. a mounted Kubernetes secret); read at start. */
    Optional<Path> jwtSecretFile();

    /**
     * An opaque token accepted as a bearer token with the role {@code admin}, for the first start
     * (to issue the first JWTs through {@code POST /admin/tokens}); env {@code SLUICE_ADMIN_BOOTSTRAP_TOKEN}.
     * Compared in constant time, never logged. Remove it once real tokens exist.
     */
    Optional<String> bootstrapToken();

    /** A file holding {@link #bootstrapToken()}; read at start. */
    Optional<Path> bootstrapTokenFile();

    /** The {@code iss} claim that admin JWTs must carry, and that {@code POST /admin/tokens} writes. */
    @WithDefault("sluice")
    String jwtIssuer();

    /** Lifetime of a token issued by {@code POST /admin/tokens} when the request names none. */
    @WithDefault("8h")
    Duration tokenLifetime();

    /** Longest lifetime {@code POST /admin/tokens} grants. */
    @WithDefault("30d")
    Duration maxTokenLifetime();
}
