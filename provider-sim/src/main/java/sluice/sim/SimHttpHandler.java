package sluice.sim;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import java.util.List;

/** Routes each request by method and path; one instance serves every event loop. */
final class SimHttpHandler implements Handler<HttpServerRequest> {

    private static final String CHAT_COMPLETIONS = "/v1/chat/completions";
    private static final String MODELS = "/v1/models";

    private final KeyRegistry registry;
    private final ChatCompletionHandler chat;
    private final AdminHandler admin;
    private final Buffer modelList;

    SimHttpHandler(KeyRegistry registry, ChatCompletionHandler chat, AdminHandler admin,
                   List<String> models) {
        this.registry = registry;
        this.chat = chat;
        this.admin = admin;
        this.modelList = Buffer.buffer(modelListJson(models));
    }

    @Override
    public void handle(HttpServerRequest request) {
        String path = request.path();
        HttpMethod method = request.method();
        if (path.equals(CHAT_COMPLETIONS) && method == HttpMethod.POST) {
            chat.handle(request);
        } else if (path.equals(MODELS) && method == HttpMethod.GET) {
            listModels(request);
        } else if (path.startsWith(AdminHandler.PREFIX)) {
            admin.handle(request);
        } else {
            request.body().onSuccess(ignored ->
                    OpenAiErrors.notFound(request.response(), method.name(), path));
        }
    }

    private void listModels(HttpServerRequest request) {
        String apiKey = BearerKey.of(request);
        if (apiKey == null || registry.find(apiKey) == null) {
            registry.recordUnauthorized();
            OpenAiErrors.unauthorized(request.response(), apiKey != null);
            return;
        }
        request.response().putHeader("content-type", "application/json").end(modelList);
    }

    private static String modelListJson(List<String> models) {
        StringBuilder json = new StringBuilder("{\"object\":\"list\",\"data\":[");
        for (int i = 0; i < models.size(); i++) {
            json.append(i == 0 ? "" : ",").append("{\"id\":\"")
                    .append(JsonStringEncoder.getInstance().quoteAsString(models.get(i)))
                    .append("\",\"object\":\"model\",\"created\":1700000000,")
                    .append("\"owned_by\":\"provider-sim\"}");
        }
        return json.append("]}").toString();
    }
}
