package sluice.keystore;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Client keys: the credentials tenants send as {@code Authorization: Bearer} or {@code x-api-key}.
 * Only the SHA-256 of a key is stored ({@link ClientKeyFormat}); the clear key leaves this class
 * once, in the {@link CreatedClientKey} that {@link #create} returns.
 *
 * <p>Administration ({@link #create}, {@link #revoke}, listing) works like {@link ProviderKeyService}:
 * a {@code Uni} to subscribe on a Vert.x context, its own transaction, an audit entry (target kind
 * {@link AuditEntry#CLIENT_KEY}) in the same transaction. {@link #authenticate} is the request path:
 * one SQL statement through the reactive pool, no Hibernate session, usable from any thread.
 *
 * <p>Failures arrive as the {@code Uni}'s failure: {@link UnknownTenantException},
 * {@link UnknownClientKeyException}, {@link InvalidKeyStoreInputException}.
 */
@ApplicationScoped
public class ClientKeyService {
    public static final int MAX_LABEL_LENGTH = 200;
    private static final String ID_PREFIX = "ck-";
    private static final int ID_RANDOM_BYTES = 6;
    /**
     * Finds the key and its tenant by hash, says whether it is usable at $2, and records $2 as its
     * last use when usable and not already recorded within the minute (one write per key per minute
     * at most, however many replicas authenticate it).
     */
    private static final String AUTHENTICATE_SQL = """
            WITH found AS (
                SELECT k.id, k.tenant_id, k.expires_at, k.last_used_at, t.rpm, t.tpm, t.daily_token_budget,
                       t.monthly_token_budget,
                       k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > $2) AND t.status = 'active' AS usable
                FROM client_keys k JOIN tenants t ON t.id = k.tenant_id
                WHERE k.key_hash = $1
            ), touched AS (
                UPDATE client_keys k SET last_used_at = $2 FROM found f
                WHERE k.id = f.id AND f.usable AND (f.last_used_at IS NULL OR f.last_used_at < $2 - interval '1 minute')
            )
            SELECT id, tenant_id, expires_at, rpm, tpm, daily_token_budget, monthly_token_budget, usable FROM found""";

    private final TenantRepository tenants;
    private final ClientKeyRepository keys;
    private final AuditLogRepository audit;
    private final Pool pool;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    @Inject
    public ClientKeyService(TenantRepository tenants, ClientKeyRepository keys, AuditLogRepository audit, Pool pool) {
        this(tenants, keys, audit, pool, Clock.systemUTC());
    }

    public ClientKeyService(TenantRepository tenants, ClientKeyRepository keys, AuditLogRepository audit, Pool pool,
                            Clock clock) {
        this.tenants = tenants;
        this.keys = keys;
        this.audit = audit;
        this.pool = pool;
        this.clock = clock;
    }

    /**
     * Issues a new client key for {@code tenantId}, with an audit entry {@code client-key.created}.
     *
     * @param expiresAt when the key stops working; {@code null} for never
     * @return the view and the clear key, which nobody can read again after this
     * @throws UnknownTenantException when the tenant does not exist
     * @throws InvalidKeyStoreInputException (field {@code tenantId}, {@code label}, {@code expiresAt} or
     *         {@code actor}) for a blank tenant id, a blank or overlong label, an expiry not in the future, a blank actor
     */
    public Uni<CreatedClientKey> create(String tenantId, String label, Instant expiresAt, String actor) {
        Instant now = now();
        Optional<InvalidKeyStoreInputException> invalid = validate(tenantId, label, expiresAt, now);
        if (invalid.isPresent()) {
            return Uni.createFrom().failure(invalid.get());
        }
        Instant expiry = expiresAt == null ? null : expiresAt.truncatedTo(ChronoUnit.MICROS);
        String id = newId();
        ClearSecret key = ClientKeyFormat.generate(random);
        ClientKeyEntity entity = new ClientKeyEntity(id, tenantId, ClientKeyFormat.hash(key),
                ClientKeyFormat.displayPrefix(key), label, expiry, now);
        AuditDetail detail = AuditDetail.empty().with("tenant", tenantId).with("label", label)
                .with("prefix", entity.prefix()).with("expiresAt", expiry == null ? null : expiry.toString());
        return Panache.withTransaction(() -> tenants.findExisting(tenantId)
                        .flatMap(tenant -> keys.persist(entity))
                        .flatMap(persisted -> appendAudit(actor, "client-key.created", id, detail, now)))
                .map(entry -> new CreatedClientKey(ClientKeyView.of(entity), key))
                .onFailure().invoke(key::close);
    }

    /**
     * Refuses the key from now on (for replicas caching authentication, once their cache entry
     * expires), with an audit entry {@code client-key.revoked}. Idempotent: revoking again changes
     * nothing and writes no entry.
     *
     * @throws UnknownClientKeyException when no client key has this id
     * @throws InvalidKeyStoreInputException (field {@code actor}) when the actor is blank
     */
    public Uni<ClientKeyView> revoke(String id, String actor) {
        return Panache.withTransaction(() -> keys.findExisting(id).flatMap(key -> {
            if (key.revokedAt() != null) {
                return Uni.createFrom().item(ClientKeyView.of(key));
            }
            Instant now = now();
            key.revoke(now);
            AuditDetail detail = AuditDetail.empty().with("tenant", key.tenantId()).with("prefix", key.prefix());
            return appendAudit(actor, "client-key.revoked", id, detail, now).map(entry -> ClientKeyView.of(key));
        }));
    }

    /** @throws UnknownClientKeyException when no client key has this id */
    public Uni<ClientKeyView> findClientKey(String id) {
        return Panache.withSession(() -> keys.findExisting(id).map(ClientKeyView::of));
    }

    /**
     * @return every key of the tenant, revoked and expired ones too, oldest first
     * @throws UnknownTenantException when the tenant does not exist
     */
    public Uni<List<ClientKeyView>> listByTenant(String tenantId) {
        return Panache.withSession(() -> tenants.findExisting(tenantId)
                .flatMap(tenant -> keys.findByTenant(tenantId))
                .map(list -> list.stream().map(ClientKeyView::of).toList()));
    }

    /**
     * Accepts a key as presented by a client. A key that is not shaped like a client key is refused
     * without a database round trip; otherwise one statement looks it up by SHA-256 and, when it is
     * accepted, records its last use (at most once a minute).
     *
     * @return the principal; empty for an unknown, revoked or expired key or a suspended tenant (the
     *         caller answers 401 without saying which)
     */
    public Uni<Optional<ClientPrincipal>> authenticate(String presentedKey) {
        if (!ClientKeyFormat.wellFormed(presentedKey)) {
            return Uni.createFrom().item(Optional.empty());
        }
        Buffer hash = Buffer.buffer(ClientKeyFormat.hash(presentedKey));
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        return pool.preparedQuery(AUTHENTICATE_SQL).execute(Tuple.of(hash, now)).map(rows -> {
            RowIterator<Row> it = rows.iterator();
            return it.hasNext() ? principalOf(it.next()) : Optional.empty();
        });
    }

    private static Optional<ClientPrincipal> principalOf(Row row) {
        if (!row.getBoolean("usable")) {
            return Optional.empty();
        }
        OffsetDateTime expiresAt = row.getOffsetDateTime("expires_at");
        TenantLimits limits = new TenantLimits(row.getLong("rpm"), row.getLong("tpm"),
                row.getLong("daily_token_budget"), row.getLong("monthly_token_budget"));
        return Optional.of(new ClientPrincipal(row.getString("tenant_id"), row.getString("id"), limits,
                expiresAt == null ? null : expiresAt.toInstant()));
    }

    private static Optional<InvalidKeyStoreInputException> validate(String tenantId, String label, Instant expiresAt,
                                                                     Instant now) {
        if (tenantId == null || tenantId.isBlank()) {
            return Optional.of(new InvalidKeyStoreInputException("tenantId", "is required"));
        }
        if (label == null || label.isBlank()) {
            return Optional.of(new InvalidKeyStoreInputException("label", "is required"));
        }
        if (label.length() > MAX_LABEL_LENGTH) {
            return Optional.of(new InvalidKeyStoreInputException("label", "is longer than " + MAX_LABEL_LENGTH + " characters"));
        }
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            return Optional.of(new InvalidKeyStoreInputException("expiresAt", "must be in the future"));
        }
        return Optional.empty();
    }

    private Uni<AuditEntry> appendAudit(String actor, String action, String keyId, AuditDetail detail, Instant at) {
        return audit.append(new AuditEntry(actor, action, AuditEntry.CLIENT_KEY, keyId, detail, at));
    }

    private String newId() {
        byte[] bytes = new byte[ID_RANDOM_BYTES];
        random.nextBytes(bytes);
        return ID_PREFIX + HexFormat.of().formatHex(bytes);
    }

    /** PostgreSQL keeps microseconds: views show what a later read returns. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
