package sluice.router.upstream;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerResponse;

/**
 * Relays an upstream server-sent-event stream to the client event by event, as each arrives,
 * with back-pressure (a slow client pauses the upstream read, so memory per stream stays
 * constant). {@link SseEvents} splits the events, reads the usage chunk on the way and drops it
 * when the client did not ask for it. The events one upstream read completes go to the client in
 * one write (one flush), never held back past the end of that read, so no byte waits.
 */
public final class SseRelay {
    private final HttpClientResponse upstream;
    private final HttpServerResponse client;
    private final SseEvents events;
    private final Promise<StreamOutcome> done = Promise.promise();
    private boolean finished;

    private SseRelay(HttpClientResponse upstream, HttpServerResponse client, SseEvents events) {
        this.upstream = upstream;
        this.client = client;
        this.events = events;
    }

    /**
     * Relays until the upstream ends. The future completes with what was seen; an upstream
     * that ends without {@code [DONE]} or fails mid-way yields {@code complete() == false}.
     *
     * @param rewriter what turns the events into the client's dialect, or null to relay them as they came
     */
    public static Future<StreamOutcome> relay(HttpClientResponse upstream, HttpServerResponse client,
                                              boolean clientWantsUsage, StreamRewriter rewriter) {
        SseRelay relay = new SseRelay(upstream, client, new SseEvents(clientWantsUsage, rewriter));
        relay.start();
        return relay.done.future();
    }

    private void start() {
        upstream.handler(this::onChunk);
        upstream.endHandler(v -> finish(true));
        upstream.exceptionHandler(e -> finish(false));
        client.drainHandler(v -> upstream.resume());
        client.closeHandler(v -> {
            upstream.pause();
            finish(false);
        });
        upstream.resume();
    }

    private void onChunk(Buffer chunk) {
        if (finished) {
            return;
        }
        if (!events.feed(chunk)) {
            finish(false);
            return;
        }
        writeReady();
        if (client.writeQueueFull()) {
            upstream.pause();
        }
    }

    private void writeReady() {
        Buffer ready = events.take();
        if (ready != null && !client.closed() && !client.ended()) {
            client.write(ready);
        }
    }

    private void finish(boolean ended) {
        if (finished) {
            return;
        }
        finished = true;
        if (ended) {
            events.end();
        }
        writeReady();
        done.tryComplete(new StreamOutcome(events.sawDone(), events.usage()));
    }

    /** What a relayed stream showed: whether it ended properly, and the usage it reported. */
    public record StreamOutcome(boolean complete, Usage usage) {
    }
}
