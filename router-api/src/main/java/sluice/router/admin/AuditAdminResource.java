package sluice.router.admin;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import sluice.keystore.AuditEntry;
import sluice.keystore.AuditLogRepository;

import java.util.List;

import static sluice.router.admin.AdminRoles.ADMIN;
import static sluice.router.admin.AdminRoles.OPERATOR;
import static sluice.router.admin.AdminRoles.VIEWER;

/** The audit log of admin and automatic changes, newest first. */
@Path("/admin/audit")
@Tag(name = "audit", description = "Who changed what, when")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ADMIN, OPERATOR, VIEWER})
public class AuditAdminResource {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 1000;

    private final AuditLogRepository audit;

    public AuditAdminResource(AuditLogRepository audit) {
        this.audit = audit;
    }

    @GET
    @Operation(summary = "The newest entries, or all entries about one target (targetKind and targetId together)")
    public Uni<List<AuditEntryView>> list(
            @Parameter(description = "1.." + MAX_LIMIT + ", default " + DEFAULT_LIMIT) @QueryParam("limit") String limit,
            @Parameter(description = "provider-key, provider, tenant, client-key, admin-token") @QueryParam("targetKind") String targetKind,
            @QueryParam("targetId") String targetId) {
        int n = LimitParam.parse(limit, DEFAULT_LIMIT, MAX_LIMIT);
        if ((targetKind == null) != (targetId == null)) {
            throw new AdminInputException(targetKind == null ? "targetKind" : "targetId",
                    "targetKind and targetId go together");
        }
        Uni<List<AuditEntry>> entries = targetKind == null
                ? Panache.withSession(() -> audit.findNewest(n))
                : Panache.withSession(() -> audit.findByTarget(targetKind, targetId)).map(all -> all.subList(0, Math.min(n, all.size())));
        return entries.map(all -> all.stream().map(AuditEntryView::of).toList());
    }
}
