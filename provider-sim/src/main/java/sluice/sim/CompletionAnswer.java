package sluice.sim;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/**
 * Answers one accepted request: waits the injected latency on a timer, then writes its
 * {@link Reply} (text or a tool call) as a {@code chat.completion} object or as the SSE chunks
 * of a stream, one timer step per chunk when an inter-chunk delay is set. Also plays the hang
 * and cut-stream faults. Runs on the request's event loop only, and never blocks it.
 */
final class CompletionAnswer {

    private final Vertx vertx;
    private final HttpServerRequest request;
    private final HttpServerResponse response;
    private final AcceptedRequest accepted;
    private final ChatRequest chat;
    private final Reply reply;
    private final ChatCompletionJson json;
    private final RateLimitSnapshot rateLimits;
    private final long maxHangMillis;
    private long timerId = -1;
    private int nextPiece;
    private int producedTokens;
    private int cutAfterPieces = -1;

    CompletionAnswer(Vertx vertx, HttpServerRequest request, AcceptedRequest accepted,
                     ChatRequest chat, CompletionText texts, ChatCompletionJson json,
                     RateLimitSnapshot rateLimits, long maxHangMillis) {
        this.vertx = vertx;
        this.request = request;
        this.response = request.response();
        this.accepted = accepted;
        this.chat = chat;
        this.json = json;
        this.rateLimits = rateLimits;
        this.maxHangMillis = maxHangMillis;
        this.reply = Reply.to(chat, accepted.faults().completionTokens(), texts);
    }

    void start() {
        EffectiveFaults faults = accepted.faults();
        if (accepted.roll(faults.hangRate())) {
            hang();
            return;
        }
        if (chat.stream() && accepted.roll(faults.cutStreamRate())) {
            cutAfterPieces = reply.cutAfterPieces();
        }
        if (chat.stream() || faults.latencyMs() > 0) {
            response.closeHandler(ignored -> clientGone());
        }
        after(faults.latencyMs(), chat.stream() ? this::startStream : this::sendCompletion);
    }

    private void sendCompletion() {
        if (response.closed()) {
            return;
        }
        accepted.finish(reply.completionTokens());
        RateLimitHeaders.apply(response.headers(), rateLimits);
        response.putHeader("content-type", "application/json")
                .end(reply.completion(json, chat.promptTokens()));
    }

    private void startStream() {
        if (response.closed()) {
            return;
        }
        RateLimitHeaders.apply(response.headers(), rateLimits);
        response.setChunked(true)
                .putHeader("content-type", "text/event-stream")
                .putHeader("cache-control", "no-cache");
        response.write(json.roleChunk());
        streamStep();
    }

    /** Writes the next piece (or the end) and schedules the following step. */
    private void streamStep() {
        long delay = accepted.faults().chunkDelayMs();
        do {
            if (response.closed()) {
                return;
            }
            if (nextPiece == cutAfterPieces) {
                cutConnection();
                return;
            }
            if (nextPiece == reply.pieceCount()) {
                endStream();
                return;
            }
            producedTokens += reply.pieceTokens(nextPiece);
            response.write(reply.pieceChunk(json, nextPiece++));
        } while (delay == 0);
        after(delay, this::streamStep);
    }

    private void endStream() {
        accepted.finish(producedTokens);
        StringBuilder tail = new StringBuilder(json.finishChunk(reply.finishReason()));
        if (chat.includeUsage()) {
            tail.append(json.usageChunk(chat.promptTokens(), producedTokens));
        }
        response.end(tail.append(ChatCompletionJson.DONE).toString());
    }

    private void cutConnection() {
        accepted.finish(producedTokens);
        request.connection().close();
    }

    /** Holds the request unanswered until the client leaves or the hang limit passes. */
    private void hang() {
        response.closeHandler(ignored -> clientGone());
        timerId = vertx.setTimer(maxHangMillis, id -> {
            timerId = -1;
            accepted.finish(0);
            request.connection().close();
        });
    }

    private void clientGone() {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
            timerId = -1;
        }
        accepted.finish(producedTokens);
    }

    private void after(long delayMillis, Runnable action) {
        if (delayMillis <= 0) {
            action.run();
            return;
        }
        timerId = vertx.setTimer(delayMillis, id -> {
            timerId = -1;
            action.run();
        });
    }
}
