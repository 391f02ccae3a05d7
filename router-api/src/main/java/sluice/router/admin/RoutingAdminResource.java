package sluice.router.admin;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import sluice.keystore.RoutingDecisionQueries;

import java.util.List;

import static sluice.router.admin.AdminRoles.ADMIN;
import static sluice.router.admin.AdminRoles.OPERATOR;
import static sluice.router.admin.AdminRoles.VIEWER;

/**
 * Recent routing decisions of every replica, from the usage ledger (a request appears once its
 * event is drained, normally within a second).
 */
@Path("/admin/routing/decisions")
@Tag(name = "routing", description = "Why requests went where they did")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ADMIN, OPERATOR, VIEWER})
public class RoutingAdminResource {
    static final int DEFAULT_LIMIT = 50;

    private final RoutingDecisionQueries decisions;

    public RoutingAdminResource(RoutingDecisionQueries decisions) {
        this.decisions = decisions;
    }

    @GET
    @Operation(summary = "The newest routing decisions, newest first: request, time, tenant, task class, route reason,"
            + " provider/model/key (key id only) and every upstream call")
    @APIResponse(responseCode = "400", description = "limit is not an integer in range; the field is named")
    public Uni<List<RoutingDecisionView>> newest(
            @Parameter(description = "1.." + RoutingDecisionQueries.MAX_LIMIT + ", default " + DEFAULT_LIMIT)
            @QueryParam("limit") String limit) {
        int n = LimitParam.parse(limit, DEFAULT_LIMIT, RoutingDecisionQueries.MAX_LIMIT);
        return decisions.newest(n).map(all -> all.stream().map(RoutingDecisionView::of).toList());
    }
}
