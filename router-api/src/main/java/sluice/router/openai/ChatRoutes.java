package sluice.router.openai;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import sluice.keystore.ClientPrincipal;
import sluice.quota.RandomIds;
import sluice.router.auth.ClientAuthenticator;
import sluice.router.config.SluiceConfig;
import sluice.router.routing.ChatDispatcher;
import sluice.router.routing.ProviderCatalog;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The OpenAI-compatible inbound API on the Vert.x router, off the JAX-RS stack: the hot path
 * reads the body itself (bounded by {@code sluice.http.max-body-bytes}) and streams answers.
 */
@ApplicationScoped
public class ChatRoutes {
    private static final Logger LOG = Logger.getLogger(ChatRoutes.class);

    private final ChatDispatcher dispatcher;
    private final ClientAuthenticator authenticator;
    private final ProviderCatalog catalog;
    private final int maxBodyBytes;

    public ChatRoutes(ChatDispatcher dispatcher, ClientAuthenticator authenticator, ProviderCatalog catalog,
                      SluiceConfig config) {
        this.dispatcher = dispatcher;
        this.authenticator = authenticator;
        this.catalog = catalog;
        this.maxBodyBytes = config.http().maxBodyBytes();
    }

    void register(@Observes Router router) {
        router.post("/v1/chat/completions").handler(this::chat);
        router.get("/v1/models").handler(this::models);
    }

    private void chat(RoutingContext ctx) {
        String requestId = RandomIds.uuid();
        ctx.response().putHeader(ClientResponses.REQUEST_ID, requestId);
        ctx.request().pause(); // who is calling comes first: no body is buffered for a refused client
        authenticator.authenticate(ctx.request()).onComplete(auth -> {
            if (auth.failed()) {
                LOG.warnf("client key check failed for request %s: %s", requestId, auth.cause().getMessage());
                refuse(ctx, new OpenAiError(503, "api_error", "auth_unavailable", null,
                        "The gateway cannot check client keys right now; retry shortly."));
            } else if (auth.result().refused()) {
                refuse(ctx, new OpenAiError(401, "invalid_request_error", "invalid_api_key", null,
                        "Incorrect or missing API key: " + auth.result().reason() + "."));
            } else {
                readBody(ctx, body -> parsed(ctx, body, requestId, auth.result().principal()));
            }
        });
    }

    private void parsed(RoutingContext ctx, Buffer body, String requestId, ClientPrincipal principal) {
        ChatRequest request;
        try {
            request = ChatRequestParser.parse(body);
        } catch (BadRequestException e) {
            LOG.debugf("request %s rejected: %s", requestId, e.getMessage());
            ClientResponses.error(ctx, OpenAiError.invalidRequest(e.param(), e.getMessage()));
            return;
        }
        dispatch(ctx, request, requestId, principal);
    }

    private static void refuse(RoutingContext ctx, OpenAiError error) {
        ctx.response().putHeader("connection", "close");
        ClientResponses.error(ctx, error);
    }

    private void dispatch(RoutingContext ctx, ChatRequest request, String requestId, ClientPrincipal principal) {
        try {
            dispatcher.dispatch(ctx, request, requestId, principal);
        } catch (RuntimeException e) {
            LOG.errorf(e, "request %s failed inside the gateway", requestId);
            ClientResponses.internalError(ctx, requestId);
        }
    }

    private void readBody(RoutingContext ctx, java.util.function.Consumer<Buffer> then) {
        HttpServerRequest request = ctx.request();
        long declared = parseLength(request.getHeader("content-length"));
        if (declared > maxBodyBytes) {
            tooLarge(ctx);
            return;
        }
        Buffer body = Buffer.buffer(declared > 0 ? (int) declared : 1024);
        boolean[] rejected = {false};
        request.handler(chunk -> {
            if (rejected[0]) {
                return;
            }
            if (body.length() + chunk.length() > maxBodyBytes) {
                rejected[0] = true;
                tooLarge(ctx);
                return;
            }
            body.appendBuffer(chunk);
        });
        request.exceptionHandler(e -> LOG.debugf("client request body failed: %s", e.getMessage()));
        request.endHandler(v -> {
            if (!rejected[0]) {
                then.accept(body);
            }
        });
        request.resume();
    }

    private void tooLarge(RoutingContext ctx) {
        ctx.response().putHeader("connection", "close");
        ClientResponses.error(ctx, OpenAiError.invalidRequest(null,
                "request body is larger than the gateway accepts (" + maxBodyBytes + " bytes)"));
    }

    private void models(RoutingContext ctx) {
        Set<String> ids = new LinkedHashSet<>();
        catalog.providers().forEach(target -> ids.addAll(target.config().models()));
        JsonArray data = new JsonArray();
        ids.forEach(id -> data.add(new JsonObject().put("id", id).put("object", "model").put("owned_by", "sluice")));
        ctx.response().putHeader("content-type", "application/json")
                .end(new JsonObject().put("object", "list").put("data", data).toBuffer());
    }

    private static long parseLength(String value) {
        try {
            return value == null ? -1 : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
