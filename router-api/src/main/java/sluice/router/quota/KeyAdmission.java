package sluice.router.quota;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;
import org.jboss.logging.Logger;
import sluice.keystore.ClientPrincipal;
import sluice.keystore.TenantLimits;
import sluice.quota.Admission;
import sluice.quota.AdmissionRequest;
import sluice.quota.Denied;
import sluice.quota.DenyReason;
import sluice.quota.KeyLimits;
import sluice.quota.Admitted;
import sluice.quota.KeyDenial;
import sluice.quota.PoolAdmission;
import sluice.quota.ProviderRateView;
import sluice.quota.QuotaEngine;
import sluice.quota.Reservation;
import sluice.quota.Settled;
import sluice.quota.Settlement;
import sluice.quota.StreamAppend;
import sluice.quota.TokenEstimator;
import sluice.router.keys.DurableKeyStates;
import sluice.router.openai.ChatRequest;
import sluice.router.routing.AttemptLog;
import sluice.router.routing.Call;
import sluice.router.routing.ProviderTarget;
import sluice.router.upstream.Usage;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The router's single path to the quota core: estimates a request's tokens, admits one key of
 * a provider atomically in Redis, and writes every outcome (usage, 429 cooldown, exhaustion,
 * disabled key) through to the shared state before the request moves on.
 */
public final class KeyAdmission {
    private static final Logger LOG = Logger.getLogger(KeyAdmission.class);

    /** Quota-core key id prefix of a tenant's own state. */
    public static final String TENANT_PREFIX = "tenant:";

    private final QuotaEngine engine;
    private final TokenEstimator estimator;
    private final DurableKeyStates durable;
    private final long leaseTtlMillis;

    public KeyAdmission(QuotaEngine engine, TokenEstimator estimator, DurableKeyStates durable, long leaseTtlMillis) {
        this.engine = engine;
        this.leaseTtlMillis = leaseTtlMillis;
        this.estimator = estimator;
        this.durable = durable;
    }

    /** The tokenizer's raw count of the request's prompt (computed once per request). */
    public long countPrompt(ChatRequest request) {
        return estimator.countPrompt(request.model(), request.messageTexts());
    }

    /** The prompt's tokens as admission reserves them: counted, then corrected as learned for its model. */
    public long promptEstimate(ChatRequest request) {
        return estimator.correct(request.model(), countPrompt(request));
    }

    /**
     * Admits one key of {@code target}, trying up to {@code maxAttempts} keys; nothing is recorded
     * in the log until {@link #recorded} (a tenant refused meanwhile leaves only its own refusal).
     */
    public Future<PoolAdmission> admitKeys(ProviderTarget target, Call call, int maxAttempts) {
        ChatRequest request = call.request();
        long prompt = estimator.correct(request.model(), call.countedPrompt());
        long tokens = estimator.estimateReservation(request.model(), prompt, request.maxTokens(),
                target.config().reserveMaxTokens());
        call.usage().estimated(prompt, tokens - prompt);
        return onContext(engine.admitAny(target.keyIds(), target.limits()::get, tokens, call.requestId(),
                maxAttempts));
    }

    /** Records the keys' denials in the log. @return the admitted key, or null when none was */
    public Admitted recorded(ProviderTarget target, AttemptLog log, PoolAdmission answer) {
        if (answer instanceof PoolAdmission.Granted granted) {
            granted.refusals().forEach(r -> recordDenial(log, target, r));
            return granted.admitted();
        }
        PoolAdmission.Refused refused = (PoolAdmission.Refused) answer;
        refused.refusals().forEach(r -> recordDenial(log, target, r));
        if (refused.refusals().isEmpty()) {
            log.record(target.id(), null, "every key cooling down, exhausted or disabled",
                    refused.earliestRetryAtMillis());
        }
        return null;
    }

    /**
     * Admits the request against its tenant's own limits and its daily and monthly token budgets
     * (UTC days and months), atomically in Redis like a key (the tenant's state is a quota-core
     * "key" named {@code tenant:<id>}), so every replica refuses a tenant at its budget at once.
     */
    public Future<Admission> admitTenant(ClientPrincipal principal, Call call) {
        ChatRequest request = call.request();
        long prompt = estimator.correct(request.model(), call.countedPrompt());
        long tokens = estimator.estimateReservation(request.model(), prompt, request.maxTokens(), false);
        return onContext(engine.admit(new AdmissionRequest(TENANT_PREFIX + principal.tenantId(),
                tenantLimits(principal.limits()), tokens,
                call.requestId(), leaseTtlMillis)));
    }

    /** A tenant's limits as the quota core admits them: rpm, tpm, and token budgets per UTC day and month. */
    public static KeyLimits tenantLimits(TenantLimits t) {
        return new KeyLimits(t.rpm(), t.tpm(), 0, t.dailyTokenBudget(), 0, ZoneOffset.UTC, t.monthlyTokenBudget());
    }

    /**
     * The attempt-log outcome of a tenant refusal, naming the limit in words a client understands
     * (e.g. {@code tenant limit: monthly token budget (990 of 1000 tokens used this month)}).
     */
    public static String tenantLimitOutcome(Denied denied) {
        String limit = switch (denied.reason()) {
            case TPD -> "daily token budget";
            case MONTHLY_TOKENS -> "monthly token budget";
            default -> denied.reason().name().toLowerCase();
        };
        return denied.detail().isEmpty() ? "tenant limit: " + limit : "tenant limit: " + limit + " (" + denied.detail() + ")";
    }

    /** The tenant's settlement: the reported usage when the call succeeded, else nothing. */
    public static Settlement tenantSettlement(Reservation reservation, Usage usage, boolean answered) {
        if (!answered) {
            return new Settlement(reservation, 0);
        }
        return new Settlement(reservation, usage != null ? usage.total() : reservation.reservedTokens());
    }

    /**
     * Sends the settlements and {@code alongside} in one exchange with Redis where the store can
     * (else each settlement on its own, the entry left to the caller: {@link Settled#appended()}
     * null). @return the settlements, each completing (never failing) once answered; failures logged
     */
    public Settled settle(List<Settlement> settlements, StreamAppend alongside) {
        Settled settled;
        try {
            settled = engine.settle(settlements, alongside);
        } catch (RuntimeException error) { // nothing was sent: the caller writes the entry itself
            LOG.warnf("quota settlement failed: %s", error.getMessage());
            return new Settled(Collections.nCopies(settlements.size(), CompletableFuture.<Void>completedStage(null)),
                    null);
        }
        List<CompletionStage<Void>> logged = new ArrayList<>(settlements.size());
        for (int i = 0; i < settlements.size(); i++) {
            logged.add(written(settled.settlements().get(i), "reconcile", settlements.get(i).reservation().keyId())
                    .toCompletionStage());
        }
        return new Settled(logged, settled.appended());
    }

    private static void recordDenial(AttemptLog log, ProviderTarget target, KeyDenial refusal) {
        DenyReason reason = refusal.denied().reason();
        if (reason == DenyReason.STORE_UNAVAILABLE) {
            log.recordStoreUnavailable(target.id());
            return;
        }
        log.record(target.id(), refusal.keyId(), "denied: " + reason.name().toLowerCase(),
                refusal.denied().retryAtMillis());
    }

    /** The key's settlement: the provider's reported usage (learnt from), or the estimate kept. */
    public Settlement keySettlement(Reservation reservation, String model, long countedPrompt, Usage usage) {
        if (usage != null) {
            estimator.learn(model, countedPrompt, usage.promptTokens(), usage.completionTokens());
        }
        return new Settlement(reservation, usage != null ? usage.total() : reservation.reservedTokens());
    }

    /** Gives the reservation back; the future completes (never fails) once Redis answered. */
    public Future<Void> release(Reservation reservation) {
        return written(engine.release(reservation), "release", reservation.keyId());
    }

    /**
     * The request was never sent with the reservation: its tokens and its request count go back
     * (the future completes, never fails, once Redis answered).
     */
    public Future<Void> cancel(Reservation reservation) {
        return written(engine.cancel(reservation), "cancel", reservation.keyId());
    }

    /** The provider says a limit is at zero until its reset: every replica learns it. */
    public void providerView(Reservation reservation, ProviderRateView view) {
        if (view.blocksUntil(System.currentTimeMillis()) > 0) {
            written(engine.mirrorProviderView(reservation.keyId(), view, System.currentTimeMillis()),
                    "mirror", reservation.keyId());
        }
    }

    /** A 429: the cooldown is written before the request fails over (the later deadline wins). */
    public Future<Void> rateLimited(Reservation reservation, long untilMillis, String reason) {
        release(reservation);
        return written(engine.cooldown(reservation.keyId(), untilMillis, reason), "cooldown", reservation.keyId());
    }

    /** Daily quota gone: exhausted until the key's next daily reset. @return that time */
    public Future<Long> exhausted(Reservation reservation, ProviderTarget target, String reason) {
        ZoneId zone = target.limits().get(reservation.keyId()).dailyResetZone();
        long until = LocalDate.now(zone).plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        release(reservation);
        Future<Void> shared = written(engine.markExhausted(reservation.keyId(), until, reason), "exhaust",
                reservation.keyId());
        return Future.join(shared, durable.exhausted(reservation.keyId(), until)).map(until);
    }

    /** A 401/403: the key is disabled for every replica before the request fails over. */
    public Future<Void> disable(Reservation reservation, String reason) {
        release(reservation);
        LOG.warnf("key %s disabled: %s", reservation.keyId(), reason);
        Future<Void> shared = written(engine.disable(reservation.keyId(), reason), "disable", reservation.keyId());
        return Future.join(shared, durable.disabled(reservation.keyId(), reason)).mapEmpty();
    }

    /**
     * Waits for a state write or settlement; a failed one is logged and the future still completes
     * (the request fails over, or the client's answer ends, all the same).
     */
    private static Future<Void> written(CompletionStage<?> stage, String what, String keyId) {
        return onContext(stage).<Void>mapEmpty().recover(error -> {
            LOG.warnf("quota %s for key %s failed: %s", what, keyId, error.getMessage());
            return Future.succeededFuture();
        });
    }

    /** Completes on the caller's Vert.x context: Redisson answers on its own threads. */
    private static <T> Future<T> onContext(CompletionStage<T> stage) {
        Context context = Vertx.currentContext();
        Promise<T> promise = context instanceof ContextInternal internal ? internal.promise() : Promise.promise();
        stage.whenComplete((value, error) -> {
            if (error != null) {
                promise.fail(error);
            } else {
                promise.complete(value);
            }
        });
        return promise.future();
    }

}
