package sluice.router.admin;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import sluice.keystore.AuditDetail;
import sluice.keystore.AuditEntry;
import sluice.keystore.AuditLogRepository;
import sluice.keystore.ClearSecret;
import sluice.keystore.KeyLimits;
import sluice.keystore.KeySettings;
import sluice.keystore.KeyStatus;
import sluice.keystore.ProviderKeyRepository;
import sluice.keystore.ProviderKeyService;
import sluice.keystore.ProviderKeyView;
import sluice.keystore.ProviderRepository;
import sluice.keystore.UnknownProviderException;
import sluice.quota.QuotaEngine;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * What the key endpoints do: PostgreSQL first (the record, with its audit entry in the same
 * transaction), then the shared state in Redis, then this replica's key pools. Hibernate Reactive
 * is never touched after a Redis call in one chain: Redisson completes on its own threads.
 */
@ApplicationScoped
public class KeyAdministration {
    private static final Logger LOG = Logger.getLogger(KeyAdministration.class);

    private final ProviderKeyService keys;
    private final ProviderKeyRepository keyRecords;
    private final ProviderRepository providers;
    private final AuditLogRepository audit;
    private final QuotaEngine engine;
    private final KeyLiveStates live;
    private final CatalogRefresh catalog;

    public KeyAdministration(ProviderKeyService keys, ProviderKeyRepository keyRecords, ProviderRepository providers,
                             AuditLogRepository audit, QuotaEngine engine, KeyLiveStates live, CatalogRefresh catalog) {
        this.keys = keys;
        this.keyRecords = keyRecords;
        this.providers = providers;
        this.audit = audit;
        this.engine = engine;
        this.live = live;
        this.catalog = catalog;
    }

    /** @param providerId only this provider's keys; {@code null} for all */
    public Uni<List<AdminKeyView>> list(String providerId) {
        Uni<List<ProviderKeyView>> records = providerId == null
                ? Panache.withSession(() -> keyRecords.listAll(Sort.by("id")))
                        .map(all -> all.stream().map(ProviderKeyView::of).toList())
                : Panache.withSession(() -> providers.findExisting(providerId)).chain(p -> keys.listKeys(providerId));
        return records.chain(live::withStates);
    }

    public Uni<AdminKeyView> get(String id) {
        return keys.findKey(id).chain(live::withState);
    }

    public Uni<AdminKeyView> create(KeyCreateRequest request, String actor) {
        String providerId = AdminInputException.required(request.provider(), "provider");
        String label = AdminInputException.required(request.label(), "label");
        String secretText = AdminInputException.required(request.secret(), "secret");
        KeyLimits limits = request.limits() == null ? KeyLimits.unlimited() : request.limits().over(KeyLimits.unlimited());
        KeySettings settings = new KeySettings(label, limits, request.weight() == null ? 1 : request.weight());
        ClearSecret secret = ClearSecret.of(secretText);
        Uni<ProviderKeyView> added = Uni.createFrom().deferred(() -> request.id() == null
                        ? keys.addKey(providerId, settings, secret, actor)
                        : addWithId(request.id(), providerId, settings, secret, actor))
                .eventually(secret::close)
                .onFailure(UnknownProviderException.class)
                .transform(e -> new AdminInputException("provider", "no provider with id '" + providerId + "'"));
        // a new key starts with a clean shared state, even if an earlier key had its id
        return added.call(view -> redis(() -> engine.enable(view.id())).onFailure().recoverWithItem(e -> {
                    LOG.debugf("no fresh Redis state for new key %s: %s", view.id(), e.getMessage());
                    return null;
                }))
                .call(catalog::now)
                .chain(live::withState);
    }

    private Uni<ProviderKeyView> addWithId(String id, String providerId, KeySettings settings, ClearSecret secret,
                                           String actor) {
        return Panache.withSession(() -> keyRecords.findById(id)).chain(existing -> existing != null
                ? Uni.createFrom().failure(new AdminConflictException("a provider key with id '" + id + "' already exists"))
                : keys.addKey(id, providerId, settings, secret, actor));
    }

    /** Settings and status in one transaction, then the status in Redis, then the pools. */
    public Uni<AdminKeyView> patch(String id, KeyPatchRequest request, String actor) {
        KeyStatus status = request.status() == null ? null : KeyStatus.fromDbValue(request.status());
        boolean settingsChange = request.label() != null || request.limits() != null || request.weight() != null;
        String reason = request.reason() != null ? request.reason() : "set " + request.status() + " by " + actor;
        return Panache.withTransaction(() -> keys.findKey(id).chain(current -> {
                    Uni<ProviderKeyView> updated = settingsChange
                            ? keys.updateSettings(id, merged(current, request), actor)
                            : Uni.createFrom().item(current);
                    return status == null ? updated
                            : updated.chain(v -> keys.changeStatus(id, status, status == KeyStatus.ACTIVE ? null : reason, actor));
                }))
                .call(view -> status == null ? Uni.createFrom().voidItem() : applyStatus(view, reason))
                .call(catalog::now)
                .chain(live::withState);
    }

    private static KeySettings merged(ProviderKeyView current, KeyPatchRequest request) {
        return new KeySettings(request.label() != null ? request.label() : current.label(),
                request.limits() != null ? request.limits().over(current.limits()) : current.limits(),
                request.weight() != null ? request.weight() : current.weight());
    }

    private Uni<Void> applyStatus(ProviderKeyView view, String reason) {
        return view.status() == KeyStatus.ACTIVE
                ? redis(() -> engine.enable(view.id()))
                : redis(() -> engine.disable(view.id(), reason));
    }

    public Uni<AdminKeyView> rotate(String id, SecretBody body, String actor) {
        ClearSecret secret = ClearSecret.of(AdminInputException.required(body.secret(), "secret"));
        return Uni.createFrom().deferred(() -> keys.rotateSecret(id, secret, actor)).eventually(secret::close)
                .call(catalog::now)
                .chain(live::withState);
    }

    /** Lifts a cooldown and a daily exhaustion, in Redis and in PostgreSQL (where restores read it). */
    public Uni<AdminKeyView> clearCooldown(String id, String actor) {
        return Panache.withTransaction(() -> keys.findKey(id)
                        .call(view -> keys.markExhausted(id, null))
                        .call(view -> audit.append(new AuditEntry(actor, "key.cooldown-cleared", AuditEntry.PROVIDER_KEY,
                                id, AuditDetail.empty(), Instant.now().truncatedTo(ChronoUnit.MICROS)))))
                .call(view -> redis(() -> engine.clearCooldown(id)))
                .call(view -> redis(() -> engine.clearExhausted(id)))
                .chain(live::withState);
    }

    /** Deletes the record; disables the key in Redis so replicas that still pool it stop at once. */
    public Uni<Void> delete(String id, String actor) {
        return keys.deleteKey(id, actor)
                .call(() -> redis(() -> engine.disable(id, "deleted by " + actor)))
                .call(catalog::now);
    }

    private static Uni<Void> redis(Supplier<CompletionStage<Void>> call) {
        return Uni.createFrom().completionStage(call).replaceWithVoid();
    }
}
