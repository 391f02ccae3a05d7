package sluice.router.admin;

import io.quarkus.security.ForbiddenException;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;

import static sluice.router.admin.AdminRoles.ADMIN;
import static sluice.router.admin.AdminRoles.OPERATOR;
import static sluice.router.admin.AdminRoles.VIEWER;

/** Provider keys: their records, their live quota state, and the operations on both. */
@Path("/admin/keys")
@Tag(name = "keys", description = "Provider API keys with their live quota state")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({ADMIN, OPERATOR, VIEWER})
public class KeyAdminResource {
    private final KeyAdministration keys;
    private final SecurityIdentity identity;

    public KeyAdminResource(KeyAdministration keys, SecurityIdentity identity) {
        this.keys = keys;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "List keys with their live state (cooldown, exhaustion, window use, in-flight)")
    @APIResponse(responseCode = "404", description = "no such provider")
    public Uni<List<AdminKeyView>> list(@QueryParam("provider") String provider) {
        return keys.list(provider);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One key with its live state")
    @APIResponse(responseCode = "404", description = "no such key")
    public Uni<AdminKeyView> get(@PathParam("id") String id) {
        return keys.get(id);
    }

    @POST
    @RolesAllowed(ADMIN)
    @Operation(summary = "Add a key; the secret is sealed at rest and never shown again (only a masked hint)")
    @APIResponse(responseCode = "201", description = "created")
    @APIResponse(responseCode = "400", description = "invalid input, the field is named")
    @APIResponse(responseCode = "409", description = "a key with this id exists")
    public Uni<Response> create(KeyCreateRequest body) {
        KeyCreateRequest request = AdminInputException.body(body);
        return keys.create(request, AdminActor.of(identity)).map(view ->
                Response.created(URI.create("/admin/keys/" + view.id())).entity(view).build());
    }

    @PATCH
    @Path("{id}")
    @RolesAllowed({ADMIN, OPERATOR})
    @Operation(summary = "Change limits, weight, label or status (active, disabled, revoked); applies to Redis and the pools")
    @APIResponse(responseCode = "404", description = "no such key")
    public Uni<AdminKeyView> patch(@PathParam("id") String id, KeyPatchRequest body) {
        KeyPatchRequest request = AdminInputException.body(body);
        if (!identity.hasRole(ADMIN) && (request.label() != null || "revoked".equals(request.status()))) {
            throw new ForbiddenException();
        }
        return keys.patch(id, request, AdminActor.of(identity));
    }

    @POST
    @Path("{id}/rotate")
    @RolesAllowed(ADMIN)
    @Operation(summary = "Replace the key's secret with a new one from the provider")
    @APIResponse(responseCode = "404", description = "no such key")
    public Uni<AdminKeyView> rotate(@PathParam("id") String id, SecretBody body) {
        return keys.rotate(id, AdminInputException.body(body), AdminActor.of(identity));
    }

    @POST
    @Path("{id}/clear-cooldown")
    @RolesAllowed({ADMIN, OPERATOR})
    @Operation(summary = "Lift the key's cooldown and daily exhaustion for every replica")
    @APIResponse(responseCode = "404", description = "no such key")
    public Uni<AdminKeyView> clearCooldown(@PathParam("id") String id) {
        return keys.clearCooldown(id, AdminActor.of(identity));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(ADMIN)
    @Operation(summary = "Delete the key (prefer status revoked while the usage ledger names it)")
    @APIResponse(responseCode = "204", description = "deleted")
    @APIResponse(responseCode = "404", description = "no such key")
    public Uni<Response> delete(@PathParam("id") String id) {
        return keys.delete(id, AdminActor.of(identity)).map(done -> Response.noContent().build());
    }
}
