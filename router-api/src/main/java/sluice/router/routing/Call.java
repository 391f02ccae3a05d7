package sluice.router.routing;

import io.vertx.ext.web.RoutingContext;
import sluice.router.openai.ChatRequest;

import java.util.List;

/**
 * One client request on its way through the gateway.
 *
 * @param ctx           the client's HTTP exchange
 * @param request       the validated request
 * @param dialect       the API the client speaks, which renders every answer
 * @param requestId     the gateway's id for it (also the reservation's)
 * @param countedPrompt the tokenizer's raw prompt count, computed once
 * @param log           what was tried so far
 * @param route         where to try, decided when the request arrived
 * @param usage         what it used, for its ledger row
 */
public record Call(RoutingContext ctx, ChatRequest request, ClientDialect dialect, String requestId,
                   long countedPrompt, AttemptLog log, RouteResolver.Route route, UsageRecord usage) {

    public List<Hop> hops() {
        return route.hops();
    }
}
