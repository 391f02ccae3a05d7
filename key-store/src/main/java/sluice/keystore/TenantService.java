package sluice.keystore;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Tenants, their limits and budgets, and suspension. Like {@link ProviderKeyService}: every method
 * returns a {@link Uni} to subscribe on a Vert.x context, opens its own reactive session or
 * transaction (or joins the caller's), and every change writes its audit entry (target kind
 * {@link AuditEntry#TENANT}) in the same transaction; a call that changes nothing writes none.
 *
 * <p>Failures arrive as the {@code Uni}'s failure: {@link UnknownTenantException},
 * {@link DuplicateTenantException}, {@link InvalidKeyStoreInputException}.
 */
@ApplicationScoped
public class TenantService {
    private final TenantRepository tenants;
    private final AuditLogRepository audit;
    private final Clock clock;

    @Inject
    public TenantService(TenantRepository tenants, AuditLogRepository audit) {
        this(tenants, audit, Clock.systemUTC());
    }

    public TenantService(TenantRepository tenants, AuditLogRepository audit, Clock clock) {
        this.tenants = tenants;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Creates an active tenant, with an audit entry {@code tenant.created}.
     *
     * @throws DuplicateTenantException when a tenant already has this id
     * @throws InvalidKeyStoreInputException (field {@code id}, {@code name}, {@code limits.*} or
     *         {@code actor}) for an id that is not short and log-safe, a blank name, a negative limit,
     *         a blank actor
     */
    public Uni<TenantView> createTenant(String id, String name, TenantLimits limits, String actor) {
        return Uni.createFrom().deferred(() -> {
            Instant now = now();
            TenantEntity tenant = new TenantEntity(id, name, limits, now);
            AuditDetail detail = limitsDetail("", limits, AuditDetail.empty().with("name", name));
            return Panache.withTransaction(() -> tenants.findById(id).flatMap(existing -> existing != null
                    ? Uni.createFrom().failure(new DuplicateTenantException(id))
                    : tenants.persist(tenant).flatMap(persisted -> appendAudit(actor, "tenant.created", id, detail, now))
                            .map(entry -> TenantView.of(tenant))));
        });
    }

    /** @throws UnknownTenantException when no tenant has this id */
    public Uni<TenantView> findTenant(String id) {
        return Panache.withSession(() -> tenants.findExisting(id).map(TenantView::of));
    }

    /** @return every tenant, by id */
    public Uni<List<TenantView>> listTenants() {
        return Panache.withSession(() -> tenants.listAllById().map(list -> list.stream().map(TenantView::of).toList()));
    }

    /**
     * Replaces the tenant's limits and budgets, with an audit entry {@code tenant.limits-updated}
     * holding the previous and new values.
     *
     * @throws UnknownTenantException when no tenant has this id
     * @throws InvalidKeyStoreInputException (field {@code limits} or {@code actor}) when limits are
     *         missing or the actor is blank
     */
    public Uni<TenantView> updateLimits(String id, TenantLimits limits, String actor) {
        if (limits == null) {
            return Uni.createFrom().failure(new InvalidKeyStoreInputException("limits", "is required"));
        }
        return Panache.withTransaction(() -> tenants.findExisting(id).flatMap(tenant -> {
            TenantLimits previous = tenant.limits();
            if (previous.equals(limits)) {
                return Uni.createFrom().item(TenantView.of(tenant));
            }
            Instant now = now();
            tenant.apply(limits, now);
            AuditDetail detail = limitsDetail("previous.", previous, limitsDetail("", limits, AuditDetail.empty()));
            return appendAudit(actor, "tenant.limits-updated", id, detail, now).map(entry -> TenantView.of(tenant));
        }));
    }

    /**
     * Refuses every client key of the tenant from now on (for replicas caching authentication, once
     * their cache entry expires), with an audit entry {@code tenant.suspended}. Idempotent.
     *
     * @throws UnknownTenantException when no tenant has this id
     * @throws InvalidKeyStoreInputException (field {@code actor}) when the actor is blank
     */
    public Uni<TenantView> suspend(String id, String reason, String actor) {
        return changeStatus(id, TenantStatus.SUSPENDED, reason, actor);
    }

    /**
     * Accepts the tenant's client keys again, with an audit entry {@code tenant.activated}. Idempotent.
     *
     * @throws UnknownTenantException when no tenant has this id
     * @throws InvalidKeyStoreInputException (field {@code actor}) when the actor is blank
     */
    public Uni<TenantView> activate(String id, String actor) {
        return changeStatus(id, TenantStatus.ACTIVE, null, actor);
    }

    private Uni<TenantView> changeStatus(String id, TenantStatus status, String reason, String actor) {
        return Panache.withTransaction(() -> tenants.findExisting(id).flatMap(tenant -> {
            if (tenant.status() == status) {
                return Uni.createFrom().item(TenantView.of(tenant));
            }
            Instant now = now();
            tenant.changeStatus(status, now);
            AuditDetail detail = AuditDetail.empty().with("reason", reason);
            return appendAudit(actor, "tenant." + status.dbValue(), id, detail, now).map(entry -> TenantView.of(tenant));
        }));
    }

    /** Adds the four values to {@code detail}, their names prefixed by {@code prefix}. */
    private static AuditDetail limitsDetail(String prefix, TenantLimits limits, AuditDetail detail) {
        return detail.with(prefix + "rpm", Long.toString(limits.rpm()))
                .with(prefix + "tpm", Long.toString(limits.tpm()))
                .with(prefix + "dailyTokenBudget", Long.toString(limits.dailyTokenBudget()))
                .with(prefix + "monthlyTokenBudget", Long.toString(limits.monthlyTokenBudget()));
    }

    private Uni<AuditEntry> appendAudit(String actor, String action, String tenantId, AuditDetail detail, Instant at) {
        return audit.append(new AuditEntry(actor, action, AuditEntry.TENANT, tenantId, detail, at));
    }

    /** PostgreSQL keeps microseconds: views show what a later read returns. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
