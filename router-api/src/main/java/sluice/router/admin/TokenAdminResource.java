package sluice.router.admin;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import sluice.keystore.AuditDetail;
import sluice.keystore.AuditEntry;
import sluice.keystore.AuditLogRepository;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Issues admin JWTs, e.g. the first ones with the bootstrap token. Every token issued is audited. */
@Path("/admin/tokens")
@Tag(name = "tokens", description = "Admin JWTs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(AdminRoles.ADMIN)
public class TokenAdminResource {
    /** {@code targetKind} of audit entries about issued tokens. */
    static final String TARGET_KIND = "admin-token";

    private final AdminTokenIssuer issuer;
    private final AuditLogRepository audit;
    private final SecurityIdentity identity;

    public TokenAdminResource(AdminTokenIssuer issuer, AuditLogRepository audit, SecurityIdentity identity) {
        this.issuer = issuer;
        this.audit = audit;
        this.identity = identity;
    }

    @POST
    @Operation(summary = "Issue a signed JWT for a subject with roles (needs sluice.admin.jwt-secret)")
    @APIResponse(responseCode = "201", description = "issued")
    @APIResponse(responseCode = "409", description = "no signing secret configured")
    public Uni<Response> issue(TokenRequest body) {
        String actor = AdminActor.of(identity);
        IssuedToken token = issuer.issue(AdminInputException.body(body));
        AuditDetail detail = AuditDetail.empty().with("roles", String.join(",", token.roles()))
                .with("expiresAt", token.expiresAt().toString());
        AuditEntry entry = new AuditEntry(actor, "admin-token.issued", TARGET_KIND, token.subject(), detail,
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        return Panache.withTransaction(() -> audit.append(entry))
                .map(saved -> Response.status(Response.Status.CREATED).entity(token).build());
    }
}
