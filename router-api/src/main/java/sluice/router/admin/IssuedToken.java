package sluice.router.admin;

import java.time.Instant;
import java.util.List;

/** A signed admin JWT: send it as {@code Authorization: Bearer <token>}. */
public record IssuedToken(String token, String subject, List<String> roles, Instant expiresAt) {

    @Override
    public String toString() {
        return "IssuedToken[subject=" + subject + ", roles=" + roles + ", expiresAt=" + expiresAt + ", token=***]";
    }
}
