package sluice.router.admin;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import sluice.keystore.ClientKeyService;
import sluice.keystore.UsageQueries;
import sluice.keystore.UsageScope;

import java.time.Instant;

/**
 * A tenant reads its own usage with one of its client keys ({@code Authorization: Bearer} or
 * {@code x-api-key}, as on the chat API): the same report as {@code /admin/usage}, always scoped to
 * the key's tenant, so nobody else's usage can be asked for. Not an admin endpoint: no JWT.
 */
@Path("/v1/usage")
@Tag(name = "tenant usage", description = "A tenant's own usage, with its client key")
@Produces(MediaType.APPLICATION_JSON)
public class TenantUsageResource {
    private static final String BEARER = "Bearer ";

    private final ClientKeyService clientKeys;
    private final UsageQueries usage;

    public TenantUsageResource(ClientKeyService clientKeys, UsageQueries usage) {
        this.clientKeys = clientKeys;
        this.usage = usage;
    }

    @GET
    @Operation(summary = "The caller's tenant's usage over [from, to), totals or a series, grouped")
    @APIResponse(responseCode = "401", description = "no valid client key")
    public Uni<UsageReport> query(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                  @HeaderParam("x-api-key") String apiKey,
                                  @QueryParam("groupBy") String groupBy, @QueryParam("from") String from,
                                  @QueryParam("to") String to, @QueryParam("bucket") String bucket) {
        String presented = presented(authorization, apiKey);
        Instant start = TimeParam.parse("from", from);
        Instant end = TimeParam.parse("to", to);
        return clientKeys.authenticate(presented).chain(principal -> principal
                .map(p -> UsageAdminResource.read(usage, groupBy, start, end, bucket, UsageScope.tenant(p.tenantId())))
                .orElseGet(() -> Uni.createFrom().failure(new ClientKeyRequiredException())));
    }

    private static String presented(String authorization, String apiKey) {
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return authorization.substring(BEARER.length()).trim();
        }
        if (apiKey != null && !apiKey.isBlank()) {
            return apiKey.trim();
        }
        throw new ClientKeyRequiredException();
    }
}
