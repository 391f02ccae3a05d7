package sluice.router.admin;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import sluice.keystore.ClientKeyService;
import sluice.keystore.ClientKeyView;
import sluice.keystore.TenantLimits;
import sluice.keystore.TenantService;
import sluice.keystore.TenantStatus;
import sluice.keystore.TenantView;
import sluice.router.quota.KeyAdmission;

import java.net.URI;
import java.util.List;

import static sluice.router.admin.AdminRoles.ADMIN;
import static sluice.router.admin.AdminRoles.OPERATOR;
import static sluice.router.admin.AdminRoles.VIEWER;

/** Tenants, their limits and budgets, and their client keys. */
@Path("/admin")
@Tag(name = "tenants", description = "Tenants, their limits and budgets, and their client keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({ADMIN, OPERATOR, VIEWER})
public class TenantAdminResource {
    private final TenantService tenants;
    private final ClientKeyService clientKeys;
    private final SecurityIdentity identity;
    private final KeyLiveStates liveStates;

    public TenantAdminResource(TenantService tenants, ClientKeyService clientKeys, SecurityIdentity identity,
                               KeyLiveStates liveStates) {
        this.tenants = tenants;
        this.clientKeys = clientKeys;
        this.identity = identity;
        this.liveStates = liveStates;
    }

    @POST
    @Path("tenants")
    @RolesAllowed(ADMIN)
    @Operation(summary = "Create a tenant with limits and budgets")
    @APIResponse(responseCode = "201", description = "created")
    @APIResponse(responseCode = "409", description = "a tenant with this id exists")
    public Uni<Response> create(TenantCreateRequest body) {
        TenantCreateRequest request = AdminInputException.body(body);
        TenantLimits limits = request.limits() == null ? TenantLimits.unlimited()
                : request.limits().over(TenantLimits.unlimited());
        return tenants.createTenant(AdminInputException.required(request.id(), "id"), request.name(), limits,
                        AdminActor.of(identity))
                .map(t -> Response.created(URI.create("/admin/tenants/" + t.id())).entity(AdminTenantView.of(t)).build());
    }

    @GET
    @Path("tenants")
    @Operation(summary = "List tenants")
    public Uni<List<AdminTenantView>> list() {
        return tenants.listTenants().map(all -> all.stream().map(AdminTenantView::of).toList());
    }

    @GET
    @Path("tenants/{id}")
    @Operation(summary = "One tenant, with its live usage of the minute, the UTC day and the UTC month against its limits")
    @APIResponse(responseCode = "404", description = "no such tenant")
    public Uni<AdminTenantView> get(@PathParam("id") String id) {
        return tenants.findTenant(id).chain(tenant -> liveStates.rawState(KeyAdmission.TENANT_PREFIX + id)
                .map(state -> AdminTenantView.of(tenant, state)));
    }

    @PATCH
    @Path("tenants/{id}")
    @RolesAllowed(ADMIN)
    @Operation(summary = "Change limits and budgets, suspend or activate; one transaction")
    @APIResponse(responseCode = "404", description = "no such tenant")
    public Uni<AdminTenantView> patch(@PathParam("id") String id, TenantPatchRequest body) {
        TenantPatchRequest request = AdminInputException.body(body);
        TenantStatus status = request.status() == null ? null : TenantStatus.fromDbValue(request.status());
        String actor = AdminActor.of(identity);
        return Panache.withTransaction(() -> tenants.findTenant(id).chain(current -> {
            Uni<TenantView> limited = request.limits() == null ? Uni.createFrom().item(current)
                    : tenants.updateLimits(id, request.limits().over(current.limits()), actor);
            if (status == null) {
                return limited;
            }
            return limited.chain(t -> status == TenantStatus.SUSPENDED
                    ? tenants.suspend(id, request.reason(), actor)
                    : tenants.activate(id, actor));
        })).map(AdminTenantView::of);
    }

    @POST
    @Path("tenants/{id}/client-keys")
    @RolesAllowed(ADMIN)
    @Operation(summary = "Issue a client key; the key is in this answer only, afterwards only its prefix is shown")
    @APIResponse(responseCode = "201", description = "created")
    @APIResponse(responseCode = "404", description = "no such tenant")
    public Uni<Response> createClientKey(@PathParam("id") String tenantId, ClientKeyCreateRequest body) {
        ClientKeyCreateRequest request = AdminInputException.body(body);
        return clientKeys.create(tenantId, request.label(), request.expiresAt(), AdminActor.of(identity)).map(created -> {
            try (var key = created.key()) {
                CreatedClientKeyView view = new CreatedClientKeyView(created.view(), key.reveal(),
                        CreatedClientKeyView.SHOWN_ONCE);
                return Response.created(URI.create("/admin/tenants/" + tenantId + "/client-keys")).entity(view).build();
            }
        });
    }

    @GET
    @Path("tenants/{id}/client-keys")
    @Operation(summary = "List the tenant's client keys (prefix only), revoked and expired ones too")
    @APIResponse(responseCode = "404", description = "no such tenant")
    public Uni<List<ClientKeyView>> listClientKeys(@PathParam("id") String tenantId) {
        return clientKeys.listByTenant(tenantId);
    }

    @DELETE
    @Path("client-keys/{id}")
    @RolesAllowed(ADMIN)
    @Operation(summary = "Revoke a client key (idempotent); answers the revoked key")
    @APIResponse(responseCode = "404", description = "no such client key")
    public Uni<ClientKeyView> revokeClientKey(@PathParam("id") String id) {
        return clientKeys.revoke(id, AdminActor.of(identity));
    }
}
