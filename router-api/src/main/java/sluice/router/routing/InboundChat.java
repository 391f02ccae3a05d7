package sluice.router.routing;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import sluice.keystore.ClientPrincipal;
import sluice.quota.RandomIds;
import sluice.router.auth.ClientAuthenticator;
import sluice.router.config.SluiceConfig;
import sluice.router.openai.ChatRequest;

import java.util.function.Consumer;

/**
 * The way in shared by every inbound API, on the Vert.x router, off the JAX-RS stack: who is
 * calling first (no body is buffered for a refused client), then the body read by the gateway
 * itself (bounded by {@code sluice.http.max-body-bytes}), parsed by the dialect's reader into
 * the one internal request, and dispatched. Every refusal is in the client's dialect.
 */
@ApplicationScoped
public class InboundChat {
    private static final Logger LOG = Logger.getLogger(InboundChat.class);

    private final ChatDispatcher dispatcher;
    private final ClientAuthenticator authenticator;
    private final int maxBodyBytes;

    /** Reads a dialect's request body into the internal request. */
    @FunctionalInterface
    public interface RequestReader {
        /** @throws BadRequestException naming the field when the body is not a valid request */
        ChatRequest read(Buffer body);
    }

    public InboundChat(ChatDispatcher dispatcher, ClientAuthenticator authenticator, SluiceConfig config) {
        this.dispatcher = dispatcher;
        this.authenticator = authenticator;
        this.maxBodyBytes = config.http().maxBodyBytes();
    }

    /** Serves one chat request of {@code dialect}; the response is always ended. */
    public void handle(RoutingContext ctx, ClientDialect dialect, RequestReader reader) {
        authenticated(ctx, dialect, (body, principal, requestId) -> {
            ChatRequest request;
            try {
                request = reader.read(body);
            } catch (BadRequestException e) {
                LOG.debugf("request %s rejected: %s", requestId, e.getMessage());
                ClientResponses.error(ctx, dialect, GatewayError.invalidRequest(e.param(), e.getMessage()));
                return;
            }
            try {
                dispatcher.dispatch(ctx, request, dialect, requestId, principal);
            } catch (RuntimeException e) {
                LOG.errorf(e, "request %s failed inside the gateway", requestId);
                ClientResponses.internalError(ctx, dialect, requestId);
            }
        });
    }

    /** What to do with an authenticated client's body. */
    @FunctionalInterface
    public interface BodyHandler {
        /**
         * @param principal the client, or null when keys are not required and none was sent
         * @param requestId the gateway's id for the request, already in {@code x-request-id}
         */
        void handle(Buffer body, ClientPrincipal principal, String requestId);
    }

    /** Names the request, authenticates the caller, then reads the whole body (bounded) and hands it on. */
    public void authenticated(RoutingContext ctx, ClientDialect dialect, BodyHandler then) {
        String requestId = RandomIds.uuid();
        ctx.response().putHeader(ClientResponses.REQUEST_ID, requestId);
        ctx.request().pause(); // who is calling comes first: no body is buffered for a refused client
        authenticator.authenticate(ctx.request()).onComplete(auth -> {
            if (auth.failed()) {
                LOG.warnf("client key check failed for request %s: %s", requestId, auth.cause().getMessage());
                refuse(ctx, dialect, new GatewayError(503, "auth_unavailable", null,
                        "The gateway cannot check client keys right now; retry shortly."));
            } else if (auth.result().refused()) {
                refuse(ctx, dialect, new GatewayError(401, "invalid_api_key", null,
                        "Incorrect or missing API key: " + auth.result().reason() + "."));
            } else {
                readBody(ctx, dialect, body -> then.handle(body, auth.result().principal(), requestId));
            }
        });
    }

    private static void refuse(RoutingContext ctx, ClientDialect dialect, GatewayError error) {
        ctx.response().putHeader("connection", "close");
        ClientResponses.error(ctx, dialect, error);
    }

    private void readBody(RoutingContext ctx, ClientDialect dialect, Consumer<Buffer> then) {
        HttpServerRequest request = ctx.request();
        long declared = parseLength(request.getHeader("content-length"));
        if (declared > maxBodyBytes) {
            tooLarge(ctx, dialect);
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
                tooLarge(ctx, dialect);
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

    private void tooLarge(RoutingContext ctx, ClientDialect dialect) {
        refuse(ctx, dialect, GatewayError.invalidRequest(null,
                "request body is larger than the gateway accepts (" + maxBodyBytes + " bytes)"));
    }

    private static long parseLength(String value) {
        try {
            return value == null ? -1 : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
