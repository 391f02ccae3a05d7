package sluice.router.upstream;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SseEventsTest {
    private static final String CHUNK = "data: {\"choices\":[{\"delta\":{\"content\":\"hi\"}}]}\n\n";
    private static final String USAGE_ONLY = "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":2}}\n\n";
    private static final String DONE = "data: [DONE]\n\n";

    private static String taken(SseEvents events) {
        Buffer out = events.take();
        return out == null ? "" : out.toString();
    }

    @Test
    void passesEventsOnAndDropsTheUsageChunkTheClientDidNotAskFor() {
        SseEvents events = new SseEvents(false);
        assertTrue(events.feed(Buffer.buffer(CHUNK + CHUNK + USAGE_ONLY + DONE)));
        assertEquals(CHUNK + CHUNK + DONE, taken(events));
        assertEquals(new Usage(5, 2), events.usage());
        assertTrue(events.sawDone());
    }

    @Test
    void keepsTheUsageChunkWhenTheClientAskedForIt() {
        SseEvents events = new SseEvents(true);
        events.feed(Buffer.buffer(CHUNK + USAGE_ONLY + DONE));
        assertEquals(CHUNK + USAGE_ONLY + DONE, taken(events));
        assertEquals(new Usage(5, 2), events.usage());
    }

    @Test
    void eventsSplitAcrossReadsAndCrLfLinesComeOutWhole() {
        SseEvents events = new SseEvents(false);
        String crlf = "event: message\r\ndata: {\"choices\":[{\"delta\":{}}]}\r\n\r\n";
        events.feed(Buffer.buffer(crlf.substring(0, 10)));
        assertNull(events.take(), "nothing is passed on before an event is complete");
        events.feed(Buffer.buffer(crlf.substring(10, 30)));
        events.feed(Buffer.buffer(crlf.substring(30)));
        assertEquals("event: message\ndata: {\"choices\":[{\"delta\":{}}]}\n\n", taken(events));
        assertFalse(events.sawDone());
    }

    @Test
    void aChunkCarryingBothChoicesAndUsageIsPassedOn() {
        SseEvents events = new SseEvents(false);
        String both = "data: {\"choices\":[{\"delta\":{}}],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1}}\n\n";
        events.feed(Buffer.buffer(both));
        assertEquals(both, taken(events));
        assertEquals(new Usage(1, 1), events.usage());
    }

    @Test
    void aLastEventWithoutItsBlankLineCountsAtTheEndButAPartialLineDoesNot() {
        SseEvents events = new SseEvents(false);
        events.feed(Buffer.buffer("data: [DONE]\ndata: {\"cut"));
        events.end();
        assertEquals("data: [DONE]\n\n", taken(events));
        assertTrue(events.sawDone());
    }

    @Test
    void anOversizedEventBreaksTheStream() {
        SseEvents events = new SseEvents(false);
        Buffer big = Buffer.buffer(new byte[SseEvents.MAX_EVENT_BYTES + 1]);
        assertFalse(events.feed(big));
    }
}
