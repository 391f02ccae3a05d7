package sluice.keystore;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Provider keys with their secrets sealed at rest. Every method returns a {@link Uni} that must be
 * subscribed on a Vert.x context (a REST endpoint, or {@code VertxContextSupport}); each opens its
 * own reactive session or transaction ({@link Panache#withTransaction}), or joins the caller's.
 * Transactions are programmatic rather than {@code @WithTransaction} so that an instance built by
 * hand (e.g. with another {@link SecretCipher} during a master key rotation) behaves the same.
 *
 * <p>Every operator-visible change takes an {@code actor} and writes its audit entry in the same
 * transaction; {@link #markExhausted} (automatic, frequent) and {@link #reencryptAll()} (changes no
 * secret) do not.
 *
 * <p>Failures arrive as the {@code Uni}'s failure: {@link UnknownKeyException},
 * {@link UnknownProviderException}, {@link InvalidKeyStoreInputException},
 * {@link SecretDecryptionException}; none of their messages contains a secret.
 *
 * <p>The producer of the {@link SecretCipher} bean (from the master key configuration) belongs to
 * the application.
 */
@ApplicationScoped
public class ProviderKeyService {
    /** Keys re-encrypted per transaction by {@link #reencryptAll()}. */
    static final int REENCRYPT_BATCH = 200;
    private static final String KEY_ID_PREFIX = "k-";
    private static final int KEY_ID_RANDOM_BYTES = 6;

    private final ProviderRepository providers;
    private final ProviderKeyRepository keys;
    private final AuditLogRepository audit;
    private final SecretCipher cipher;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    @Inject
    public ProviderKeyService(ProviderRepository providers, ProviderKeyRepository keys, AuditLogRepository audit,
                              SecretCipher cipher) {
        this(providers, keys, audit, cipher, Clock.systemUTC());
    }

    public ProviderKeyService(ProviderRepository providers, ProviderKeyRepository keys, AuditLogRepository audit,
                              SecretCipher cipher, Clock clock) {
        this.providers = providers;
        this.keys = keys;
        this.audit = audit;
        this.cipher = cipher;
        this.clock = clock;
    }

    /**
     * Stores a new active key for {@code providerId}, its secret sealed with the current master key,
     * with an audit entry {@code key.added}. The caller still owns {@code secret} (and should close it).
     *
     * @return the new key's view, with a generated id such as {@code k-3f9a0c12d4e5}
     * @throws UnknownProviderException when the provider does not exist
     * @throws InvalidKeyStoreInputException when {@code actor} is blank
     */
    public Uni<ProviderKeyView> addKey(String providerId, KeySettings settings, ClearSecret secret, String actor) {
        return addKey(newKeyId(), providerId, settings, secret, actor);
    }

    /**
     * Like {@link #addKey(String, KeySettings, ClearSecret, String)} with an id the operator chose
     * (e.g. a key seeded from configuration); the id names the key's shared quota state too.
     *
     * @throws InvalidKeyStoreInputException when the id is not {@code [a-z0-9][a-z0-9._-]*} (≤ 63)
     */
    public Uni<ProviderKeyView> addKey(String id, String providerId, KeySettings settings, ClearSecret secret,
                                      String actor) {
        if (id == null || !ProviderEntity.ID_PATTERN.matcher(id).matches()) {
            throw new InvalidKeyStoreInputException("id", "must match " + ProviderEntity.ID_PATTERN.pattern());
        }
        StoredSecret stored = StoredSecret.seal(cipher, id, secret);
        return Panache.withTransaction(() -> providers.findExisting(providerId).flatMap(provider -> {
            Instant now = now();
            ProviderKeyEntity key = new ProviderKeyEntity(id, providerId, settings, stored, now);
            AuditDetail detail = AuditDetail.empty().with("provider", providerId).with("label", settings.label())
                    .with("fingerprint", stored.fingerprint());
            return keys.persist(key).flatMap(persisted -> appendAudit(actor, "key.added", id, detail, now))
                    .map(entry -> ProviderKeyView.of(key));
        }));
    }

    /** @throws UnknownKeyException when no key has this id */
    public Uni<ProviderKeyView> findKey(String id) {
        return Panache.withSession(() -> keys.findExisting(id).map(ProviderKeyView::of));
    }

    /** @return the keys of one provider (any status), by id; empty for an unknown provider */
    public Uni<List<ProviderKeyView>> listKeys(String providerId) {
        return Panache.withSession(() -> keys.findByProvider(providerId).map(ProviderKeyService::views));
    }

    /**
     * Replaces label, limits and weight, with an audit entry {@code key.updated}.
     *
     * @throws UnknownKeyException when no key has this id
     * @throws InvalidKeyStoreInputException when {@code actor} is blank
     */
    public Uni<ProviderKeyView> updateSettings(String id, KeySettings settings, String actor) {
        return Panache.withTransaction(() -> keys.findExisting(id).flatMap(key -> {
            Instant now = now();
            key.apply(settings, now);
            AuditDetail detail = AuditDetail.empty().with("label", settings.label())
                    .with("weight", Integer.toString(settings.weight()));
            return appendAudit(actor, "key.updated", id, detail, now).map(entry -> ProviderKeyView.of(key));
        }));
    }

    /**
     * Replaces the secret (the provider issued a new one), sets {@code rotatedAt}, and writes an
     * audit entry {@code key.secret-rotated} with the old and new fingerprints.
     *
     * @throws UnknownKeyException when no key has this id
     * @throws InvalidKeyStoreInputException when {@code actor} is blank
     */
    public Uni<ProviderKeyView> rotateSecret(String id, ClearSecret newSecret, String actor) {
        StoredSecret stored = StoredSecret.seal(cipher, id, newSecret);
        return Panache.withTransaction(() -> keys.findExisting(id).flatMap(key -> {
            Instant now = now();
            AuditDetail detail = AuditDetail.empty().with("previousFingerprint", key.fingerprint())
                    .with("fingerprint", stored.fingerprint());
            key.rotateSecret(stored, now);
            return appendAudit(actor, "key.secret-rotated", id, detail, now).map(entry -> ProviderKeyView.of(key));
        }));
    }

    /**
     * Deletes the key, with an audit entry {@code key.deleted}. Prefer {@link KeyStatus#REVOKED}
     * when other records (the usage ledger) still name the key.
     *
     * @throws UnknownKeyException when no key has this id
     * @throws InvalidKeyStoreInputException when {@code actor} is blank
     */
    public Uni<Void> deleteKey(String id, String actor) {
        return Panache.withTransaction(() -> keys.findExisting(id).flatMap(key -> {
            AuditDetail detail = AuditDetail.empty().with("provider", key.providerId()).with("label", key.settings().label())
                    .with("fingerprint", key.fingerprint());
            return keys.delete(key).flatMap(deleted -> appendAudit(actor, "key.deleted", id, detail, now()));
        })).replaceWithVoid();
    }

    /**
     * Loads and decrypts the secret of key {@code id}; close the result once the request is sent.
     * To avoid a database read per request, keep {@link ProviderKeyEntity#sealedSecret()} in memory
     * and call {@link SecretCipher#open} at send time instead.
     *
     * @throws UnknownKeyException when no key has this id
     * @throws SecretDecryptionException when the stored secret does not decrypt
     */
    public Uni<ClearSecret> decryptSecret(String id) {
        return Panache.withSession(() -> keys.findExisting(id).map(key -> cipher.open(id, key.sealedSecret())));
    }

    /**
     * Takes the key out of routing durably, e.g. after a 401/403 from the provider, with an audit
     * entry in the same transaction. Idempotent: a key already disabled stays as it is, without a
     * second audit entry.
     *
     * @throws UnknownKeyException when no key has this id
     */
    public Uni<ProviderKeyView> disable(String id, String reason, String actor) {
        return changeStatus(id, KeyStatus.DISABLED, reason, actor);
    }

    /**
     * Sets the key's status and reason, writing an audit entry {@code key.<status>} (e.g.
     * {@code key.disabled}) in the same transaction. No change, no entry.
     *
     * @throws UnknownKeyException when no key has this id
     * @throws InvalidKeyStoreInputException when {@code status} is missing or {@code actor} is blank
     */
    public Uni<ProviderKeyView> changeStatus(String id, KeyStatus status, String reason, String actor) {
        if (status == null) {
            return Uni.createFrom().failure(new InvalidKeyStoreInputException("status", "is required"));
        }
        return Panache.withTransaction(() -> keys.findExisting(id).flatMap(key -> {
            if (key.status() == status) {
                return Uni.createFrom().item(ProviderKeyView.of(key));
            }
            Instant now = now();
            AuditDetail detail = AuditDetail.empty().with("previousStatus", key.status().dbValue()).with("reason", reason);
            key.changeStatus(status, reason, now);
            return appendAudit(actor, "key." + status.dbValue(), id, detail, now).map(entry -> ProviderKeyView.of(key));
        }));
    }

    /**
     * Records durably that the key's daily quota is spent until {@code until} (restored into Redis
     * should Redis lose its data); {@code null} clears it.
     *
     * @throws UnknownKeyException when no key has this id
     */
    public Uni<Void> markExhausted(String id, Instant until) {
        return Panache.withTransaction(() -> keys.markExhausted(id, until, now()))
                .flatMap(rows -> rows == 0 ? Uni.createFrom().failure(new UnknownKeyException(id)) : Uni.createFrom().voidItem());
    }

    /**
     * Re-encrypts every secret not sealed with the current master key version, {@value #REENCRYPT_BATCH}
     * keys per transaction, in id order; safe to run again after an interruption. Run it once every
     * replica has the new master key version as current; drop the old version from the ring after a
     * {@link ReencryptionReport#complete() complete} run. A secret that does not decrypt is left as
     * it is and reported, so one broken row cannot block a rotation.
     *
     * @return how many secrets were re-encrypted, and which keys could not be
     */
    public Uni<ReencryptionReport> reencryptAll() {
        return reencryptAfter("", ReencryptionReport.NOTHING);
    }

    private Uni<ReencryptionReport> reencryptAfter(String afterId, ReencryptionReport soFar) {
        return Panache.withTransaction(() -> keys
                        .findSealedWithOtherVersion(cipher.currentKeyVersion(), afterId, REENCRYPT_BATCH)
                        .map(this::reencrypt))
                .flatMap(batch -> {
                    ReencryptionReport total = soFar.plus(batch.report());
                    return batch.size() < REENCRYPT_BATCH
                            ? Uni.createFrom().item(total)
                            : reencryptAfter(batch.lastId(), total);
                });
    }

    /** Reseals the (managed) keys of one batch; the transaction writes them on commit. */
    private ReencryptionBatch reencrypt(List<ProviderKeyEntity> batch) {
        Instant now = now();
        List<String> undecryptable = new ArrayList<>();
        for (ProviderKeyEntity key : batch) {
            try {
                key.reseal(cipher.reseal(key.id(), key.sealedSecret()), now);
            } catch (SecretDecryptionException e) {
                undecryptable.add(key.id());
            }
        }
        String lastId = batch.isEmpty() ? null : batch.get(batch.size() - 1).id();
        return new ReencryptionBatch(batch.size(), lastId,
                new ReencryptionReport(batch.size() - undecryptable.size(), undecryptable));
    }

    private record ReencryptionBatch(int size, String lastId, ReencryptionReport report) {
    }

    private Uni<AuditEntry> appendAudit(String actor, String action, String keyId, AuditDetail detail, Instant at) {
        return audit.append(new AuditEntry(actor, action, AuditEntry.PROVIDER_KEY, keyId, detail, at));
    }

    private static List<ProviderKeyView> views(List<ProviderKeyEntity> entities) {
        return entities.stream().map(ProviderKeyView::of).toList();
    }

    private String newKeyId() {
        byte[] bytes = new byte[KEY_ID_RANDOM_BYTES];
        random.nextBytes(bytes);
        return KEY_ID_PREFIX + HexFormat.of().formatHex(bytes);
    }

    /** PostgreSQL keeps microseconds: views show what a later read returns. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
