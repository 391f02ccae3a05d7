package sluice.router.admin;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Signs admin JWTs (HS256 with {@code sluice.admin.jwt-secret}, issuer {@code sluice.admin.jwt-issuer},
 * roles in {@code groups}) — the same secret and issuer SmallRye JWT verifies against. Deployments
 * that verify tokens of an external issuer (a public key) leave the secret unset and issue nothing here.
 */
@ApplicationScoped
public class AdminTokenIssuer {
    private static final Logger LOG = Logger.getLogger(AdminTokenIssuer.class);
    private static final Set<String> ROLES = Set.of(AdminRoles.ADMIN, AdminRoles.OPERATOR, AdminRoles.VIEWER);

    private final AdminConfig config;

    public AdminTokenIssuer(AdminConfig config) {
        this.config = config;
    }

    /** Refuses to start with a secret too short for HS256, rather than failing on the first token. */
    void check(@Observes StartupEvent event) {
        config.jwtSecret().ifPresent(secret -> {
            if (secret.getBytes(StandardCharsets.UTF_8).length < AdminConfig.MIN_SECRET_BYTES) {
                throw new IllegalStateException("sluice.admin.jwt-secret must be at least "
                        + AdminConfig.MIN_SECRET_BYTES + " bytes long");
            }
        });
        if (config.jwtSecret().isEmpty() && config.bootstrapToken().isEmpty()) {
            LOG.info("admin API: no sluice.admin.jwt-secret and no bootstrap token; only JWTs verified by a "
                    + "configured public key are accepted");
        }
    }

    /**
     * @throws AdminInputException naming {@code subject}, {@code roles} or {@code lifetime} for a blank
     *         subject, no or an unknown role, a lifetime that is not positive or above the maximum
     * @throws AdminConflictException when no signing secret is configured
     */
    public IssuedToken issue(TokenRequest request) {
        String subject = AdminInputException.required(request.subject(), "subject").trim();
        if (subject.isEmpty() || subject.length() > 200) {
            throw new AdminInputException("subject", "must be 1 to 200 characters");
        }
        List<String> roles = roles(request.roles());
        Duration lifetime = lifetime(request.lifetime());
        String secret = config.jwtSecret().orElseThrow(() -> new AdminConflictException(
                "this gateway has no sluice.admin.jwt-secret to sign tokens with"));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant expires = now.plus(lifetime);
        String token = Jwt.issuer(config.jwtIssuer()).subject(subject).groups(new HashSet<>(roles))
                .issuedAt(now).expiresAt(expires).claim("jti", UUID.randomUUID().toString())
                .signWithSecret(secret);
        return new IssuedToken(token, subject, roles, expires);
    }

    private static List<String> roles(List<String> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new AdminInputException("roles", "must name at least one of admin, operator, viewer");
        }
        for (int i = 0; i < roles.size(); i++) {
            if (!ROLES.contains(roles.get(i))) {
                throw new AdminInputException("roles[" + i + "]", "must be one of admin, operator, viewer");
            }
        }
        return List.copyOf(new LinkedHashSet<>(roles));
    }

    private Duration lifetime(Duration requested) {
        Duration lifetime = requested == null ? config.tokenLifetime() : requested;
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(config.maxTokenLifetime()) > 0) {
            throw new AdminInputException("lifetime", "must be positive and at most " + config.maxTokenLifetime());
        }
        return lifetime;
    }
}
