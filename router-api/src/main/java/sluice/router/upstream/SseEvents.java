package sluice.router.upstream;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;

import java.nio.charset.StandardCharsets;

/**
 * Splits an upstream server-sent-event stream into events as its bytes arrive, and says what to
 * pass on: every event as it came (lines ending in {@code \r\n} ending in {@code \n}), except the
 * usage-only chunk when the client did not ask for it (the gateway always asks upstream), or, for
 * a client of another dialect, what its {@link StreamRewriter} makes of each event. On the way it
 * reads the reported usage and notes {@code [DONE]}.
 *
 * <p>Lines are split in one buffer reused for every event of the stream (no object per line);
 * the events a chunk completes are collected into one buffer, so the caller writes them at once.
 * Not thread-safe: one per stream, fed on its connection's event loop.
 */
public final class SseEvents {
    /** An event larger than this breaks the stream. */
    static final int MAX_EVENT_BYTES = 8 * 1024 * 1024;
    /** Every usage chunk holds this; most events do not, and are passed on without a closer look. */
    private static final ByteBuf USAGE_KEY = Unpooled.unreleasableBuffer(
            Unpooled.wrappedBuffer("\"usage\"".getBytes(StandardCharsets.US_ASCII)));
    private static final byte[] DONE = "data: [DONE]".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DATA = "data:".getBytes(StandardCharsets.US_ASCII);

    private final boolean clientWantsUsage;
    private final StreamRewriter rewriter;
    /** The event being read, its complete lines each ended by '\n'. */
    private final ByteBuf event = Unpooled.buffer(512);
    /** Where the line being read starts in {@link #event}. */
    private int lineStart;
    /** Complete events not yet taken. */
    private ByteBuf ready;
    /** What {@link #ready} may have to hold for the chunk being read: never more than came in. */
    private int readyBound = 256;
    private Usage usage;
    private boolean sawDone;

    /** @param clientWantsUsage whether the client asked for the usage chunk itself */
    public SseEvents(boolean clientWantsUsage) {
        this(clientWantsUsage, null);
    }

    /** @param rewriter what turns each event into the client's dialect, or null to pass events on as they came */
    public SseEvents(boolean clientWantsUsage, StreamRewriter rewriter) {
        this.clientWantsUsage = clientWantsUsage;
        this.rewriter = rewriter;
    }

    /**
     * Reads one chunk of the stream.
     *
     * @return false when an event grew past {@link #MAX_EVENT_BYTES} (the stream is broken)
     */
    public boolean feed(Buffer chunk) {
        ByteBuf in = chunk.getByteBuf();
        int from = in.readerIndex();
        int end = in.writerIndex();
        readyBound = event.writerIndex() + (end - from) + 1;
        while (from < end) {
            int newline = in.indexOf(from, end, (byte) '\n');
            int stop = newline < 0 ? end : newline;
            event.writeBytes(in, from, stop - from);
            if (event.writerIndex() > MAX_EVENT_BYTES) {
                event.clear();
                lineStart = 0;
                return false;
            }
            if (newline < 0) {
                break;
            }
            endOfLine();
            from = newline + 1;
        }
        return true;
    }

    /** The stream ended: a last event without its blank line still counts (a last partial line does not). */
    public void end() {
        event.writerIndex(lineStart);
        if (event.writerIndex() > 0) {
            endOfEvent();
        }
    }

    /** @return the complete events to pass on since the last call, or null when there are none */
    public Buffer take() {
        if (ready == null || !ready.isReadable()) {
            return null;
        }
        Buffer taken = Buffer.buffer(ready);
        ready = null;
        return taken;
    }

    public Usage usage() {
        return usage;
    }

    public boolean sawDone() {
        return sawDone;
    }

    private void endOfLine() {
        int length = event.writerIndex() - lineStart;
        if (length > 0 && event.getByte(event.writerIndex() - 1) == '\r') {
            event.writerIndex(event.writerIndex() - 1);
            length--;
        }
        if (length > 0) {
            event.writeByte('\n');
            lineStart = event.writerIndex();
        } else if (event.writerIndex() > 0) {
            endOfEvent();
        }
    }

    private void endOfEvent() {
        boolean forward = true;
        if (startsWith(event, DONE)) {
            sawDone = true;
            if (rewriter != null) {
                rewriter.done(usage, ready());
                forward = false;
            }
        } else if (ByteBufUtil.indexOf(USAGE_KEY.duplicate(), event) >= 0) {
            forward = readUsage() || clientWantsUsage;
        }
        if (forward) {
            if (rewriter == null) {
                ready().writeBytes(event, 0, event.writerIndex()).writeByte('\n');
            } else {
                rewritten();
            }
        }
        event.clear();
        lineStart = 0;
    }

    private ByteBuf ready() {
        if (ready == null) {
            ready = Unpooled.buffer(Math.max(256, readyBound));
        }
        return ready;
    }

    /** Hands the event's data to the rewriter; events without data (comments, pings) have nothing to say. */
    private void rewritten() {
        int data = indexOf(event, DATA);
        if (data >= 0) {
            int from = data + DATA.length;
            rewriter.event(event.slice(from, event.writerIndex() - from), ready());
        }
    }

    /** @return true when the event carries more than usage (choices), so it must be passed on */
    private boolean readUsage() {
        int data = indexOf(event, DATA);
        if (data < 0) {
            return true;
        }
        UsageScan scan = UsageScan.of(Buffer.buffer(event.slice(0, event.writerIndex())), data + DATA.length,
                event.writerIndex());
        if (scan.usage() == null) {
            return true;
        }
        usage = scan.usage();
        return scan.choicesPresent();
    }

    private static boolean startsWith(ByteBuf haystack, byte[] prefix) {
        if (haystack.writerIndex() < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (haystack.getByte(i) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(ByteBuf haystack, byte[] needle) {
        int last = haystack.writerIndex() - needle.length;
        outer:
        for (int i = 0; i <= last; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack.getByte(i + j) != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
