package sluice.router.routing;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import io.vertx.ext.web.RoutingContext;
import org.jboss.logging.Logger;
import sluice.keystore.SecretCipher;
import sluice.keystore.ClientPrincipal;
import sluice.quota.Admission;
import sluice.quota.Admitted;
import sluice.quota.Denied;
import sluice.quota.DenyReason;
import sluice.quota.PoolAdmission;
import sluice.quota.Reservation;
import sluice.router.health.ProviderGuards;
import sluice.router.health.CallOutcome;
import sluice.router.health.HealthState;
import sluice.router.health.ProviderHealth;
import sluice.router.health.ProviderStatus;
import sluice.router.ledger.UsageLedger;
import sluice.router.openai.ChatRequest;
import sluice.router.quota.KeyAdmission;
import sluice.router.upstream.UpstreamAnswer;
import sluice.router.upstream.UpstreamClient;

import java.util.ArrayList;
import java.util.List;

/**
 * One request's way through the gateway: for each provider of the route, admit a key
 * atomically in Redis, call upstream, and on a 429, 401/403, 5xx or connection failure write
 * what was learned through at once and fail over, as long as nothing reached the client yet.
 */
public final class ChatDispatcher {
    private static final Logger LOG = Logger.getLogger(ChatDispatcher.class);

    private final RouteResolver routes;
    private final SecretCipher cipher;
    private final KeyAdmission admission;
    private final UpstreamClient upstream;
    private final UpstreamAnswer answers;
    private final UsageLedger ledger;
    private final ProviderGuards guards;
    private final ProviderHealth health;
    private final long downAfterConnectionFailure;
    private final int maxKeyAttempts;

    public ChatDispatcher(RouteResolver routes, SecretCipher cipher, KeyAdmission admission,
                          UpstreamClient upstream, UpstreamAnswer answers, UsageLedger ledger, ProviderGuards guards,
                          ProviderHealth health, long downAfterConnectionFailure, int maxKeyAttempts) {
        this.ledger = ledger;
        this.guards = guards;
        this.health = health;
        this.downAfterConnectionFailure = downAfterConnectionFailure;
        this.routes = routes;
        this.cipher = cipher;
        this.admission = admission;
        this.upstream = upstream;
        this.answers = answers;
        this.maxKeyAttempts = maxKeyAttempts;
    }

    /** Where to go after one upstream call. */
    public enum Next { DONE, KEY, PROVIDER }

    /** Serves the request; the response is always ended, with an answer or an error. */
    public void dispatch(RoutingContext ctx, ChatRequest request, ClientDialect dialect, String requestId,
                         ClientPrincipal principal) {
        long counted = admission.countPrompt(request);
        RouteResolver.Route route = healthOrdered(routes.resolve(request, counted));
        ctx.response().putHeader(ClientResponses.TASK_CLASS, route.classification().taskClass().headerName())
                .putHeader(ClientResponses.ROUTE_REASON, route.reason());
        LOG.debugf("request %s: class %s, %s", requestId, route.classification().taskClass().headerName(),
                route.reason());
        Call call = new Call(ctx, request, dialect, requestId, counted, new AttemptLog(), route, new UsageRecord());
        if (principal == null) {
            tryProvider(call, 0);
            return;
        }
        call.usage().client(principal.tenantId(), principal.clientKeyId());
        Future<Admission> tenant = admission.admitTenant(principal, call);
        int keys = call.hops().isEmpty() || skipped(call, 0) != null ? 0 : keysLeft(call.hops().get(0), 0);
        if (keys <= 0) {
            tenant.onComplete(answer -> {
                if (tenantAdmitted(call, answer)) {
                    tryProvider(call, 0);
                }
            });
            return;
        }
        // The first provider's key is admitted in the same pass as the tenant: both scripts leave in
        // one pipelined write (LoopPipeline), one round trip before the call instead of two.
        Future<PoolAdmission> firstKey = admission.admitKeys(call.hops().get(0).target(), call, keys);
        Future.join(tenant, firstKey).onComplete(both -> {
            boolean admitted = tenantAdmitted(call, tenant);
            if (admitted && !call.ctx().response().closed()) {
                keysAnswered(call, 0, 0, firstKey);
                return;
            }
            if (firstKey.succeeded() && firstKey.result() instanceof PoolAdmission.Granted granted) {
                admission.cancel(granted.admitted().reservation()); // never sent: the key's request count goes back
            }
            if (admitted) {
                nothingAnswered(call); // the client left while both were admitted
            }
        });
    }

    /** True when the tenant admitted the request (kept for settlement); else answers the refusal. */
    private boolean tenantAdmitted(Call call, AsyncResult<Admission> answer) {
        if (answer.succeeded() && answer.result() instanceof Admitted admitted) {
            call.usage().tenantAdmitted(admitted.reservation());
            return true;
        }
        tenantRefused(call, answer.succeeded() ? (Denied) answer.result() : null);
        return false;
    }

    private void tenantRefused(Call call, Denied denied) {
        if (denied == null || denied.reason() == DenyReason.STORE_UNAVAILABLE) {
            call.log().recordStoreUnavailable("tenant " + call.usage().tenantId());
        } else {
            call.log().record("tenant " + call.usage().tenantId(), null, KeyAdmission.tenantLimitOutcome(denied),
                    denied.retryAtMillis());
        }
        nothingAnswered(call);
    }

    /** Records the failed request, then answers 429 or 503 listing what was tried. */
    private void nothingAnswered(Call call) {
        ledger.record(call, call.log().failureStatus(), call.log().summary())
                .onComplete(v -> ClientResponses.allFailed(call.ctx(), call.dialect(), call.log()));
    }

    private void tryProvider(Call call, int index) {
        while (index < call.hops().size() && !call.ctx().response().closed() && !call.log().storeUnavailable()) {
            ProviderStatus skipped = skipped(call, index);
            if (skipped == null) {
                tryKey(call, index, 0);
                return;
            }
            String provider = call.hops().get(index).target().id();
            if (skipped.state() == HealthState.RATE_LIMITED) {
                call.log().record(provider, null, "skipped: provider rate limited (" + skipped.reason() + ")",
                        skipped.untilMillis());
            } else {
                call.log().record(provider, null, "skipped: provider down (" + skipped.reason() + ")", 0);
            }
            index++;
        }
        nothingAnswered(call);
    }

    /** The status that makes the route skip its hop at {@code index} now, or null to try it. */
    private ProviderStatus skipped(Call call, int index) {
        ProviderStatus status = health.status(call.hops().get(index).target().id());
        if (status.state() == HealthState.RATE_LIMITED
                || status.state() == HealthState.DOWN && anyUpAfter(call, index)) {
            return status;
        }
        return null;
    }

    /** A down provider is skipped only while one not down remains; when all are down, try anyway. */
    private boolean anyUpAfter(Call call, int index) {
        for (int i = index + 1; i < call.hops().size(); i++) {
            HealthState state = health.status(call.hops().get(i).target().id()).state();
            if (state == HealthState.HEALTHY || state == HealthState.DEGRADED) {
                return true;
            }
        }
        return false;
    }

    /** Degraded targets move behind the healthy ones of the route; the order is otherwise kept. */
    private RouteResolver.Route healthOrdered(RouteResolver.Route route) {
        List<Hop> hops = route.hops();
        List<Hop> degraded = null;
        for (Hop hop : hops) {
            if (health.status(hop.target().id()).state() == HealthState.DEGRADED) {
                degraded = degraded == null ? new ArrayList<>(2) : degraded;
                degraded.add(hop);
            }
        }
        if (degraded == null || degraded.size() == hops.size()) {
            return route;
        }
        List<Hop> ordered = new ArrayList<>(hops);
        ordered.removeAll(degraded);
        ordered.addAll(degraded);
        return new RouteResolver.Route(route.classification(), ordered, route.reason() + "; degraded last: "
                + String.join(",", degraded.stream().map(h -> h.target().id()).toList()));
    }

    private int keysLeft(Hop hop, int keysTried) {
        return Math.min(maxKeyAttempts, hop.target().keyIds().size()) - keysTried;
    }

    private void tryKey(Call call, int index, int keysTried) {
        Hop hop = call.hops().get(index);
        int left = keysLeft(hop, keysTried);
        if (left <= 0) {
            tryProvider(call, index + 1);
            return;
        }
        keysAnswered(call, index, keysTried, admission.admitKeys(hop.target(), call, left));
    }

    /** Sends with the admitted key, or records why none was and moves to the next provider. */
    private void keysAnswered(Call call, int index, int keysTried, Future<PoolAdmission> answer) {
        Hop hop = call.hops().get(index);
        ProviderTarget target = hop.target();
        answer.onComplete(admitted -> {
            if (admitted.failed()) {
                LOG.warnf("admission on %s failed: %s", target.id(), admitted.cause().getMessage());
                call.log().recordStoreUnavailable(target.id());
                tryProvider(call, index + 1);
                return;
            }
            Admitted granted = admission.recorded(target, call.log(), admitted.result());
            if (granted == null) {
                tryProvider(call, index + 1);
                return;
            }
            send(call, hop, granted.reservation()).onComplete(result -> afterSend(call, index, keysTried, result));
        });
    }

    private void afterSend(Call call, int index, int keysTried, AsyncResult<Next> result) {
        if (result.failed()) {
            LOG.errorf(result.cause(), "request %s failed inside the gateway", call.requestId());
            ledger.record(call, 500, "gateway fault: " + result.cause().getClass().getSimpleName())
                    .onComplete(v -> ClientResponses.internalError(call.ctx(), call.dialect(), call.requestId()));
            return;
        }
        switch (result.result()) {
            case DONE -> { }
            case KEY -> tryKey(call, index, keysTried + 1);
            case PROVIDER -> tryProvider(call, index + 1);
        }
    }

    /** One upstream call through the provider's circuit breaker and bulkhead. */
    private Future<Next> send(Call call, Hop hop, Reservation reservation) {
        ProviderTarget target = hop.target();
        Promise<Next> next = Promise.promise();
        guards.of(target.id()).get(() -> sendUnguarded(call, hop, reservation)
                .map(n -> {
                    if (n == Next.PROVIDER) {
                        throw new ProviderGuards.ProviderFailure();
                    }
                    return n;
                }).toCompletionStage()).whenComplete((n, error) -> {
                    if (error == null) {
                        next.complete(n);
                    } else if (unwrap(error) instanceof ProviderGuards.ProviderFailure) {
                        next.complete(Next.PROVIDER);
                    } else if (unwrap(error) instanceof CircuitBreakerOpenException
                            || unwrap(error) instanceof BulkheadException) {
                        admission.release(reservation);
                        call.log().record(target.id(), reservation.keyId(), unwrap(error) instanceof BulkheadException
                                ? "skipped: too many calls in flight (bulkhead)" : "skipped: circuit breaker open", 0);
                        next.complete(Next.PROVIDER);
                    } else {
                        next.fail(error);
                    }
                });
        return next.future();
    }

    private Future<Next> sendUnguarded(Call call, Hop hop, Reservation reservation) {
        ProviderTarget target = hop.target();
        String model = hop.upstreamModel(call.request().model());
        call.usage().calling(target.id(), reservation.keyId(), model);
        Buffer body = UpstreamBody.of(call.request(), model);
        call.log().countUpstreamCall();
        long started = System.nanoTime();
        return upstream.postChat(target.id(), target.config(), target.openSecret(cipher, reservation.keyId()), body)
                .compose(response -> {
                            observed(call, target.id(), model, reservation.keyId(), response.statusCode(),
                                    CallOutcome.ofStatus(response.statusCode()), started);
                            return answers.handle(call, target, model, reservation, response);
                        },
                        error -> {
                            LOG.debugf("upstream %s failed before answering: %s", target.id(), error.getMessage());
                            observed(call, target.id(), model, reservation.keyId(), 0, CallOutcome.ofFailure(error),
                                    started);
                            admission.release(reservation);
                            health.markDown(target.id(), System.currentTimeMillis() + downAfterConnectionFailure,
                                    "connection failed: " + error.getClass().getSimpleName());
                            call.log().record(target.id(), reservation.keyId(),
                                    "connection failed: " + error.getClass().getSimpleName(), 0);
                            return Future.succeededFuture(Next.PROVIDER);
                        });
    }

    /** Counts the call for passive health (in memory) and keeps it for the ledger row. */
    private void observed(Call call, String provider, String model, String keyId, int status, CallOutcome outcome,
                          long startedNanos) {
        long millis = (System.nanoTime() - startedNanos) / 1_000_000;
        health.recordCall(provider, outcome, status > 0 ? millis : -1);
        call.log().called(new UpstreamAttempt(provider, model, keyId, status, millis, outcome));
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                ? error.getCause() : error;
    }
}
