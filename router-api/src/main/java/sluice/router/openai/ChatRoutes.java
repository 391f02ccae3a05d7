package sluice.router.openai;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import sluice.router.routing.InboundChat;
import sluice.router.routing.ProviderCatalog;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The OpenAI-compatible inbound API: {@code POST /v1/chat/completions} (streamed or not) and
 * {@code GET /v1/models}. Requests go upstream as the client sent them (see {@code UpstreamBody}).
 */
@ApplicationScoped
public class ChatRoutes {
    private final InboundChat inbound;
    private final ProviderCatalog catalog;

    public ChatRoutes(InboundChat inbound, ProviderCatalog catalog) {
        this.inbound = inbound;
        this.catalog = catalog;
    }

    void register(@Observes Router router) {
        router.post("/v1/chat/completions").handler(this::chat);
        router.get("/v1/models").handler(this::models);
    }

    private void chat(RoutingContext ctx) {
        inbound.handle(ctx, OpenAiDialect.INSTANCE, ChatRequestParser::parse);
    }

    /** The models the gateway serves; Anthropic SDKs (an {@code anthropic-version} header) get their own shape. */
    private void models(RoutingContext ctx) {
        Set<String> ids = new LinkedHashSet<>();
        catalog.providers().forEach(target -> ids.addAll(target.config().models()));
        JsonObject body = ctx.request().getHeader("anthropic-version") != null
                ? anthropicModels(ids) : openAiModels(ids);
        ctx.response().putHeader("content-type", "application/json").end(body.toBuffer());
    }

    private static JsonObject openAiModels(Set<String> ids) {
        JsonArray data = new JsonArray();
        ids.forEach(id -> data.add(new JsonObject().put("id", id).put("object", "model").put("owned_by", "sluice")));
        return new JsonObject().put("object", "list").put("data", data);
    }

    private static JsonObject anthropicModels(Set<String> ids) {
        JsonArray data = new JsonArray();
        ids.forEach(id -> data.add(new JsonObject().put("type", "model").put("id", id).put("display_name", id)
                .put("created_at", "1970-01-01T00:00:00Z")));
        String first = ids.isEmpty() ? null : ids.iterator().next();
        String last = ids.isEmpty() ? null : data.getJsonObject(data.size() - 1).getString("id");
        return new JsonObject().put("data", data).put("has_more", false).put("first_id", first).put("last_id", last);
    }
}
