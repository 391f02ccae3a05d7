package sluice.router.admin;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import sluice.keystore.AuditDetail;
import sluice.keystore.AuditEntry;
import sluice.keystore.AuditLogRepository;
import sluice.keystore.ProviderKeyService;
import sluice.keystore.ReencryptionReport;
import sluice.keystore.SecretCipher;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static sluice.router.admin.AdminRoles.ADMIN;

/**
 * Master key rotation (docs/adr/0005-secret-encryption.md): once every replica runs with the new
 * master key version as current, one call re-seals every provider secret under it. Answers counts
 * and versions, never a secret; audited as {@code secrets.reencrypted}.
 */
@Path("/admin/secrets")
@Tag(name = "secrets", description = "Provider secrets at rest: master key rotation")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(ADMIN)
public class SecretAdminResource {
    /** {@code targetKind} of the audit entry; its {@code targetId} is {@code v<current version>}. */
    static final String AUDIT_TARGET = "master-key";
    private static final Logger LOG = Logger.getLogger(SecretAdminResource.class);

    private final ProviderKeyService keys;
    private final SecretCipher cipher;
    private final AuditLogRepository audit;
    private final Pool pool;
    private final SecurityIdentity identity;

    public SecretAdminResource(ProviderKeyService keys, SecretCipher cipher, AuditLogRepository audit, Pool pool,
                               SecurityIdentity identity) {
        this.keys = keys;
        this.cipher = cipher;
        this.audit = audit;
        this.pool = pool;
        this.identity = identity;
    }

    @POST
    @Path("reencrypt")
    @Operation(summary = "Re-seal every provider key secret under the current master key version; "
            + "safe to repeat, answers counts and versions only")
    @APIResponse(responseCode = "200", description = "done; complete = false lists keys whose secret would not open")
    @APIResponse(responseCode = "403", description = "not an admin")
    public Uni<ReencryptionView> reencrypt() {
        String actor = AdminActor.of(identity);
        int current = cipher.currentKeyVersion();
        return keys.reencryptAll().flatMap(report -> keysByVersion().flatMap(byVersion -> {
            ReencryptionView view = new ReencryptionView(current, report.reencrypted(), report.complete(),
                    report.undecryptableKeyIds(), byVersion, Instant.now());
            LOG.infof("%s re-encrypted %d provider secrets under master key version %d (%d could not be opened)",
                    actor, report.reencrypted(), current, report.undecryptableKeyIds().size());
            return Panache.withTransaction(() -> audit.append(auditEntry(actor, view, report))).replaceWith(view);
        }));
    }

    private static AuditEntry auditEntry(String actor, ReencryptionView view, ReencryptionReport report) {
        AuditDetail detail = AuditDetail.empty()
                .with("reencrypted", Integer.toString(report.reencrypted()))
                .with("undecryptable", String.join(",", report.undecryptableKeyIds()))
                .with("keysByVersion", view.keysByVersion().toString());
        return new AuditEntry(actor, "secrets.reencrypted", AUDIT_TARGET, "v" + view.currentVersion(), detail,
                view.at());
    }

    /** Keys per master key version after the run: all on the current one once complete. */
    private Uni<Map<Integer, Long>> keysByVersion() {
        return pool.query("SELECT secret_key_version, count(*) FROM provider_keys GROUP BY 1").execute().map(rows -> {
            Map<Integer, Long> counts = new TreeMap<>();
            for (Row row : rows) {
                counts.put(row.getInteger(0), row.getLong(1));
            }
            return counts;
        });
    }

    /**
     * The outcome of one re-encryption run.
     *
     * @param currentVersion      the master key version every secret is now meant to be sealed with
     * @param reencrypted         secrets re-sealed by this run (0 when all were current already)
     * @param complete            true when no secret is left under another version that failed to open
     * @param undecryptableKeyIds keys whose secret opens with no version of the ring: rotate or delete them
     * @param keysByVersion       provider keys per master key version after the run
     * @param at                  when the run ended
     */
    public record ReencryptionView(int currentVersion, int reencrypted, boolean complete,
                                   List<String> undecryptableKeyIds, Map<Integer, Long> keysByVersion,
                                   Instant at) {
    }
}
