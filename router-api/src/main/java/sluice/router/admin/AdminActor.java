package sluice.router.admin;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who an admin change is audited under: the JWT's subject, or the bootstrap principal. */
final class AdminActor {

    private AdminActor() {
    }

    /** @throws AdminInputException when the caller carries no usable name (a JWT without {@code sub} or {@code upn}) */
    static String of(SecurityIdentity identity) {
        String name = null;
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            name = jwt.getSubject() != null ? jwt.getSubject() : jwt.getName();
        } else if (identity.getPrincipal() != null) {
            name = identity.getPrincipal().getName();
        }
        if (name == null || name.isBlank()) {
            throw new AdminInputException("sub", "the token names no subject to audit the change under");
        }
        return name;
    }
}
