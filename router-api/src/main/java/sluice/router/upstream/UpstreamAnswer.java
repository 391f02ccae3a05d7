package sluice.router.upstream;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import sluice.quota.Reservation;
import sluice.quota.Settlement;
import sluice.router.health.ProviderHealth;
import sluice.router.quota.KeyAdmission;
import sluice.router.ledger.UsageLedger;
import sluice.router.routing.AttemptLog;
import sluice.router.routing.Call;
import sluice.router.routing.ClientResponses;
import sluice.router.routing.ChatDispatcher.Next;
import sluice.router.routing.ProviderTarget;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Acts on one upstream answer: relays a success to the client and reconciles the reservation
 * with the reported usage; for a 429, 401/403, 402 or 5xx writes what it means for the key
 * through to the shared state at once, releases the reservation and says where to fail over.
 */
public final class UpstreamAnswer {
    private static final Logger LOG = Logger.getLogger(UpstreamAnswer.class);
    private final KeyAdmission admission;
    private final UsageLedger ledger;
    private final Duration defaultCooldown;
    private final ProviderHealth health;

    public UpstreamAnswer(KeyAdmission admission, UsageLedger ledger, Duration defaultCooldown, ProviderHealth health) {
        this.admission = admission;
        this.ledger = ledger;
        this.defaultCooldown = defaultCooldown;
        this.health = health;
    }

    public Future<Next> handle(Call call, ProviderTarget target, String model, Reservation reservation,
                               HttpClientResponse response) {
        int status = response.statusCode();
        RoutingContext ctx = call.ctx();
        AttemptLog log = call.log();
        admission.providerView(reservation, ProviderHeaders.rateView(response.headers(), System.currentTimeMillis()));
        if (status == 200) {
            writeHead(call, target, model, reservation, response.headers());
            return call.request().stream()
                    ? relayStream(call, model, reservation, response)
                    : relayBody(call, model, reservation, response);
        }
        return readBody(response).compose(body -> failed(call, target, reservation, status, response.headers(), body));
    }

    private Future<Next> failed(Call call, ProviderTarget target, Reservation reservation, int status,
                                MultiMap headers, Buffer body) {
        AttemptLog log = call.log();
        String keyId = reservation.keyId();
        String code = errorCode(body);
        if (status == 429 && !"insufficient_quota".equals(code)) {
            Duration wait = RetryHints.retryAfter(headers);
            long until = System.currentTimeMillis() + (wait != null ? wait : defaultCooldown).toMillis();
            log.record(target.id(), keyId, "rate limited (429)", until);
            health.keyRateLimited(target.id(), keyId, target.keyIds().size(), wait != null ? wait.toMillis() : 0);
            return admission.rateLimited(reservation, until, "upstream 429 " + (code == null ? "" : code))
                    .map(Next.KEY);
        }
        if (status == 429 || status == 402) {
            return admission.exhausted(reservation, target, "upstream " + status + " " + code).map(until -> {
                log.record(target.id(), keyId, "quota exhausted (" + status + ")", until);
                return Next.KEY;
            });
        }
        if (status == 401 || status == 403) {
            log.record(target.id(), keyId, "key rejected (" + status + "), disabled", 0);
            return admission.disable(reservation, "upstream answered " + status).map(Next.KEY);
        }
        admission.release(reservation);
        if (status >= 500 || status == 408) {
            log.record(target.id(), keyId, "upstream error " + status, 0);
            return Future.succeededFuture(Next.PROVIDER);
        }
        // the request itself is wrong (400, 404, 422…): the provider's own words help the client most
        HttpServerResponse response = call.ctx().response();
        return ledger.record(call, status, "upstream refused the request: " + status + " " + code).map(v -> {
            response.setStatusCode(status).putHeader("content-type", "application/json")
                    .putHeader(ClientResponses.PROVIDER, target.id())
                    .putHeader(ClientResponses.ATTEMPTS, Integer.toString(log.upstreamCalls()))
                    .end(call.dialect().refused(status, body));
            return Next.DONE;
        });
    }

    private Future<Next> relayBody(Call call, String model, Reservation reservation, HttpClientResponse response) {
        RoutingContext ctx = call.ctx();
        return readBody(response).compose(body -> {
            Usage usage = usageOf(body);
            Settlement keySettlement = admission.keySettlement(reservation, model, call.countedPrompt(), usage);
            call.usage().used(usage);
            Buffer answer = rendered(call, body);
            String error = answer == null ? "upstream answer is not a chat completion" : null;
            return ledger.record(call, answer == null ? 502 : 200, error, keySettlement).map(v -> {
                if (answer != null) {
                    ctx.response().end(answer);
                } else {
                    ClientResponses.endStreamWithError(ctx.response(), call.dialect(), error);
                }
                return Next.DONE;
            });
        }).recover(error -> {
            admission.release(reservation);
            String cutOff = "upstream answer was cut off";
            return ledger.record(call, 502, cutOff).map(v -> {
                ClientResponses.endStreamWithError(ctx.response(), call.dialect(), cutOff);
                return Next.DONE;
            });
        });
    }

    private Future<Next> relayStream(Call call, String model, Reservation reservation,
                                     HttpClientResponse response) {
        HttpServerResponse client = call.ctx().response();
        client.setChunked(true);
        StreamRewriter rewriter = call.dialect().stream(call);
        return SseRelay.relay(response, client, call.request().includeUsage(), rewriter).compose(outcome -> {
            Settlement keySettlement = admission.keySettlement(reservation, model, call.countedPrompt(),
                    outcome.usage());
            call.usage().used(outcome.usage());
            String error = outcome.complete() ? null : "upstream stream ended before completion";
            int status = error != null && !client.headWritten() ? 502 : 200; // what the client is told
            return ledger.record(call, status, error, keySettlement).map(v -> {
                if (error == null) {
                    client.end();
                } else {
                    ClientResponses.endStreamWithError(client, call.dialect(), error);
                }
                return Next.DONE;
            });
        });
    }

    /** The client's dialect as the completion it reads, or null (logged) when the upstream body is no completion. */
    private static Buffer rendered(Call call, Buffer body) {
        try {
            return call.dialect().completion(body, call);
        } catch (RuntimeException e) {
            LOG.warnf("request %s: upstream answer could not be rendered for the client: %s", call.requestId(),
                    e.getMessage());
            return null;
        }
    }

    private static void writeHead(Call call, ProviderTarget target, String model, Reservation reservation,
                                  MultiMap upstreamHeaders) {
        HttpServerResponse response = call.ctx().response();
        String contentType = call.dialect().contentType(call.request().stream(), upstreamHeaders.get("content-type"));
        response.setStatusCode(200)
                .putHeader("content-type", contentType)
                .putHeader(ClientResponses.PROVIDER, target.id())
                .putHeader(ClientResponses.KEY, reservation.keyId())
                .putHeader(ClientResponses.ATTEMPTS, Integer.toString(call.log().upstreamCalls()));
        if (model != null) {
            response.putHeader(ClientResponses.MODEL, model);
        }
        if (contentType.startsWith("text/event-stream")) {
            response.putHeader("cache-control", "no-cache");
        }
    }

    /** The response was paused at its head; reading its body must resume it. */
    private static Future<Buffer> readBody(HttpClientResponse response) {
        Future<Buffer> body = response.body();
        response.resume();
        return body;
    }

    private static Usage usageOf(Buffer body) {
        return UsageScan.of(body).usage();
    }

    private static String errorCode(Buffer body) {
        try {
            JsonObject error = new JsonObject(body).getJsonObject("error");
            if (error == null) {
                return null;
            }
            Object code = error.getValue("code");
            Object type = error.getValue("type");
            return code instanceof String s ? s : type instanceof String t ? t : null;
        } catch (RuntimeException notJson) {
            return null;
        }
    }
}
