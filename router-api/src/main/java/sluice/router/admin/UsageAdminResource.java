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
import sluice.keystore.UsageQueries;
import sluice.keystore.UsageScope;

import java.time.Instant;

import static sluice.router.admin.AdminRoles.ADMIN;
import static sluice.router.admin.AdminRoles.OPERATOR;
import static sluice.router.admin.AdminRoles.VIEWER;

/** Usage from the ledger: totals or hourly/daily series, grouped, over a time range. */
@Path("/admin/usage")
@Tag(name = "usage", description = "Usage from the ledger")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ADMIN, OPERATOR, VIEWER})
public class UsageAdminResource {
    private final UsageQueries usage;

    public UsageAdminResource(UsageQueries usage) {
        this.usage = usage;
    }

    @GET
    @Operation(summary = "Totals, or a series when bucket is given, over [from, to) grouped by key, provider, tenant, model or taskClass")
    @APIResponse(responseCode = "400", description = "a parameter is missing or invalid; the field is named")
    public Uni<UsageReport> query(
            @Parameter(description = "key, provider, tenant, model or taskClass") @QueryParam("groupBy") String groupBy,
            @Parameter(description = "ISO-8601 start (inclusive)") @QueryParam("from") String from,
            @Parameter(description = "ISO-8601 end (exclusive)") @QueryParam("to") String to,
            @Parameter(description = "hour or day: a series instead of totals") @QueryParam("bucket") String bucket,
            @Parameter(description = "only this tenant's usage") @QueryParam("tenant") String tenant) {
        if (tenant != null && tenant.isBlank()) {
            throw new AdminInputException("tenant", "must not be blank");
        }
        return read(usage, groupBy, TimeParam.parse("from", from), TimeParam.parse("to", to), bucket,
                tenant == null ? UsageScope.allTenants() : UsageScope.tenant(tenant));
    }

    /** Shared with the tenants' own usage endpoint, which fixes the scope to the caller's tenant. */
    static Uni<UsageReport> read(UsageQueries usage, String groupBy, Instant from, Instant to, String bucket,
                                 UsageScope scope) {
        if (bucket == null) {
            return usage.totals(groupBy, from, to, scope)
                    .map(totals -> new UsageReport(groupBy, from, to, null, scope.tenantId(), totals, null));
        }
        return usage.series(groupBy, bucket, from, to, scope)
                .map(series -> new UsageReport(groupBy, from, to, bucket, scope.tenantId(), null, series));
    }
}
