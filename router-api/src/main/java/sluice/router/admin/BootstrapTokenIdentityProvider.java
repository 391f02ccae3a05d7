package sluice.router.admin;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Accepts the bootstrap token ({@code sluice.admin.bootstrap-token}) as a bearer token with the
 * role {@code admin}, so a fresh deployment can issue its first JWTs. Asked before the JWT
 * verifier; any other token is left to it. The comparison is of SHA-256 digests in constant time
 * (no early exit, no length leak); the token is never logged.
 */
@ApplicationScoped
public class BootstrapTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {
    /** The actor that changes made with the bootstrap token are audited under. */
    public static final String PRINCIPAL = "bootstrap-admin";
    /** Providers with a higher priority are asked first; SmallRye JWT's has the default, 1001. */
    static final int PRIORITY = 2000;

    private final byte[] expectedDigest;

    public BootstrapTokenIdentityProvider(AdminConfig config) {
        this.expectedDigest = config.bootstrapToken().filter(t -> !t.isBlank()).map(BootstrapTokenIdentityProvider::digest)
                .orElse(null);
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /** Before SmallRye JWT's verifier (the default priority, 1001), which would refuse an opaque token. */
    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        String presented = request.getToken() == null ? null : request.getToken().getToken();
        if (expectedDigest == null || presented == null || !MessageDigest.isEqual(expectedDigest, digest(presented))) {
            return Uni.createFrom().nullItem();
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(PRINCIPAL))
                .addRole(AdminRoles.ADMIN)
                .build());
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
