package sluice.sim;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code POST /v1/chat/completions}: authenticate, parse, play the 5xx fault, admit against
 * the key's limits, then hand the accepted request to a {@link CompletionAnswer}.
 */
final class ChatCompletionHandler {

    private final Vertx vertx;
    private final KeyRegistry registry;
    private final ChatRequestParser parser;
    private final CompletionText texts;
    private final TimeSource clock;
    private final long maxHangMillis;
    private final String idPrefix;
    private final AtomicLong answerCount = new AtomicLong();

    ChatCompletionHandler(Vertx vertx, KeyRegistry registry, ChatRequestParser parser,
                          CompletionText texts, SimConfig config) {
        this.vertx = vertx;
        this.registry = registry;
        this.parser = parser;
        this.texts = texts;
        this.clock = config.timeSource();
        this.maxHangMillis = config.maxHangMillis();
        this.idPrefix = "chatcmpl-sim" + Long.toHexString(System.nanoTime() & 0xffffff) + "x";
    }

    void handle(HttpServerRequest request) {
        request.body().onSuccess(body -> answer(request, body));
    }

    private void answer(HttpServerRequest request, Buffer body) {
        HttpServerResponse response = request.response();
        String apiKey = BearerKey.of(request);
        KeyState key = apiKey == null ? null : registry.find(apiKey);
        if (key == null) {
            registry.recordUnauthorized();
            OpenAiErrors.unauthorized(response, apiKey != null);
            return;
        }
        ChatRequest chat;
        try {
            chat = parser.parse(body.getBytes());
        } catch (InvalidRequestException e) {
            key.reject(RejectReason.BAD_REQUEST);
            OpenAiErrors.badRequest(response, e);
            return;
        }
        if (key.roll(key.faults().serverErrorRate())) {
            key.reject(RejectReason.SERVER_ERROR);
            OpenAiErrors.serverError(response, key.roll(0.5) ? 503 : 500);
            return;
        }
        Admission admission = key.admit(chat.promptTokens(), chat.maxTokens());
        if (!admission.isAccepted()) {
            OpenAiErrors.rateLimited(response, admission);
            return;
        }
        String id = idPrefix + Long.toHexString(answerCount.incrementAndGet());
        ChatCompletionJson json = new ChatCompletionJson(id, clock.nowMillis() / 1000,
                chat.model());
        new CompletionAnswer(vertx, request, admission.accepted(), chat, texts, json,
                admission.rateLimits(), maxHangMillis).start();
    }
}
