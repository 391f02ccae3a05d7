package sluice.router.anthropic;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import sluice.router.classify.HeaderSafeText;
import sluice.router.openai.ChatRequest;
import sluice.router.openai.ChatRequestParser;
import sluice.router.quota.KeyAdmission;
import sluice.router.routing.BadRequestException;
import sluice.router.routing.ClientResponses;
import sluice.router.routing.GatewayError;
import sluice.router.routing.InboundChat;

import java.util.ArrayList;
import java.util.List;

/**
 * The Anthropic-compatible inbound API: {@code POST /v1/messages} (streamed or not), carried to
 * the same routes, keys and quota as Chat Completions, and {@code POST /v1/messages/count_tokens}
 * (the prompt's tokens as admission counts them). Server tools a request carries are left out
 * and named in {@code x-sluice-dropped-tools}. Clients authenticate with {@code x-api-key}
 * or a bearer token; {@code anthropic-version} and {@code anthropic-beta} are accepted as sent.
 */
@ApplicationScoped
public class MessagesRoutes {
    /** Names the Anthropic server tools a request carried that no upstream of the gateway can run. */
    public static final String DROPPED_TOOLS = "x-sluice-dropped-tools";
    private static final Logger LOG = Logger.getLogger(MessagesRoutes.class);

    private final InboundChat inbound;
    private final KeyAdmission admission;

    public MessagesRoutes(InboundChat inbound, KeyAdmission admission) {
        this.inbound = inbound;
        this.admission = admission;
    }

    void register(@Observes Router router) {
        router.post("/v1/messages").handler(this::messages);
        router.post("/v1/messages/count_tokens").handler(this::countTokens);
    }

    private void messages(RoutingContext ctx) {
        inbound.handle(ctx, AnthropicDialect.INSTANCE, body -> {
            List<String> dropped = new ArrayList<>(0);
            ChatRequest request = AnthropicToOpenAi.parse(body, dropped);
            if (!dropped.isEmpty()) {
                ctx.response().putHeader(DROPPED_TOOLS, HeaderSafeText.of(String.join(", ", dropped)));
            }
            return request;
        });
    }

    private void countTokens(RoutingContext ctx) {
        inbound.authenticated(ctx, AnthropicDialect.INSTANCE, (body, principal, requestId) -> {
            long tokens;
            try {
                tokens = admission.promptEstimate(ChatRequestParser.parse(
                        AnthropicToOpenAi.translate(ChatRequestParser.toObject(body), false, new ArrayList<>(0))));
            } catch (BadRequestException e) {
                LOG.debugf("count_tokens %s rejected: %s", requestId, e.getMessage());
                ClientResponses.error(ctx, AnthropicDialect.INSTANCE, GatewayError.invalidRequest(e.param(),
                        e.getMessage()));
                return;
            }
            ctx.response().putHeader("content-type", "application/json")
                    .end(new JsonObject().put("input_tokens", tokens).toBuffer());
        });
    }
}
