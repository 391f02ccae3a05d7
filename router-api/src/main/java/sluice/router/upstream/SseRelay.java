package sluice.router.upstream;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.core.parsetools.RecordParser;

/**
 * Relays an upstream server-sent-event stream to the client event by event, as each arrives,
 * with back-pressure (a slow client pauses the upstream read, so memory per stream stays
 * constant). It reads the usage chunk on the way for reconciliation, and drops it when the
 * client did not ask for it (the gateway always asks upstream).
 */
public final class SseRelay {
    private static final Buffer NEWLINE = Buffer.buffer("\n");
    private static final byte[] USAGE_MARK = "\"usage\":{".getBytes();
    private static final byte[] SPACED_USAGE_MARK = "\"usage\": {".getBytes();

    private final HttpClientResponse upstream;
    private final HttpServerResponse client;
    private final boolean clientWantsUsage;
    private final Promise<StreamOutcome> done = Promise.promise();
    private Buffer event = Buffer.buffer(256);
    private Usage usage;
    private boolean sawDone;

    private SseRelay(HttpClientResponse upstream, HttpServerResponse client, boolean clientWantsUsage) {
        this.upstream = upstream;
        this.client = client;
        this.clientWantsUsage = clientWantsUsage;
    }

    /**
     * Relays until the upstream ends. The future completes with what was seen; an upstream
     * that ends without {@code [DONE]} or fails mid-way yields {@code complete() == false}.
     */
    public static Future<StreamOutcome> relay(HttpClientResponse upstream, HttpServerResponse client,
                                              boolean clientWantsUsage) {
        SseRelay relay = new SseRelay(upstream, client, clientWantsUsage);
        relay.start();
        return relay.done.future();
    }

    private void start() {
        RecordParser lines = RecordParser.newDelimited("\n", upstream).maxRecordSize(8 * 1024 * 1024);
        lines.exceptionHandler(e -> finish());
        lines.endHandler(v -> finish());
        client.drainHandler(v -> lines.resume());
        upstream.exceptionHandler(e -> finish());
        client.closeHandler(v -> {
            lines.pause();
            finish();
        });
        lines.handler(line -> {
            onLine(line);
            if (client.writeQueueFull()) {
                lines.pause();
            }
        });
        upstream.resume();
    }

    private void onLine(Buffer line) {
        int length = line.length();
        if (length > 0 && line.getByte(length - 1) == '\r') {
            line = line.getBuffer(0, length - 1);
        }
        if (line.length() > 0) {
            event.appendBuffer(line).appendBuffer(NEWLINE);
            return;
        }
        if (event.length() > 0) {
            flushEvent();
        }
    }

    private void flushEvent() {
        Buffer current = event;
        event = Buffer.buffer(256);
        boolean forward = true;
        if (current.length() >= 12 && current.getString(0, Math.min(current.length(), 20)).startsWith("data: [DONE]")) {
            sawDone = true;
        } else if (contains(current, USAGE_MARK) || contains(current, SPACED_USAGE_MARK)) {
            forward = readUsage(current) || clientWantsUsage;
        }
        if (forward && !client.closed()) {
            client.write(current.appendBuffer(NEWLINE));
        }
    }

    /** @return true when the event carries more than usage (choices), so it must be forwarded */
    private boolean readUsage(Buffer current) {
        String text = current.toString();
        int start = text.indexOf("data:");
        if (start < 0) {
            return true;
        }
        try {
            JsonObject chunk = new JsonObject(text.substring(start + 5).trim());
            Usage seen = Usage.from(chunk.getJsonObject("usage"));
            if (seen != null) {
                usage = seen;
            }
            return chunk.getJsonArray("choices") != null && !chunk.getJsonArray("choices").isEmpty();
        } catch (RuntimeException malformed) {
            return true;
        }
    }

    private void finish() {
        if (event.length() > 0) {
            flushEvent();
        }
        done.tryComplete(new StreamOutcome(sawDone, usage));
    }

    private static boolean contains(Buffer haystack, byte[] needle) {
        int last = haystack.length() - needle.length;
        outer:
        for (int i = 0; i <= last; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack.getByte(i + j) != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** What a relayed stream showed: whether it ended properly, and the usage it reported. */
    public record StreamOutcome(boolean complete, Usage usage) {
    }
}
