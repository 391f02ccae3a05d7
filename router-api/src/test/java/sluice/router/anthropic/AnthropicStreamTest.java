package sluice.router.anthropic;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import sluice.router.upstream.SseEvents;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A Chat Completions stream read through {@link SseEvents} comes out as Anthropic's events. */
class AnthropicStreamTest {

    private static String chunk(String delta, String finish) {
        return "data: {\"id\":\"c1\",\"model\":\"deepseek-chat\",\"object\":\"chat.completion.chunk\",\"choices\":"
                + "[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":" + finish + "}]}\n\n";
    }

    private static final String USAGE = "data: {\"id\":\"c1\",\"choices\":[],"
            + "\"usage\":{\"prompt_tokens\":31,\"completion_tokens\":7}}\n\n";
    private static final String DONE = "data: [DONE]\n\n";

    /** Each event as "name data-json", in order. */
    private static List<String> events(String... upstreamReads) {
        SseEvents events = new SseEvents(false, new AnthropicStream("msg_1", 30));
        StringBuilder out = new StringBuilder();
        for (String read : upstreamReads) {
            events.feed(Buffer.buffer(read));
            Buffer taken = events.take();
            out.append(taken == null ? "" : taken.toString());
        }
        List<String> list = new ArrayList<>();
        for (String event : out.toString().split("\n\n")) {
            String[] lines = event.split("\n");
            String name = lines[0].substring("event: ".length());
            JsonObject data = new JsonObject(lines[1].substring("data: ".length()));
            list.add(name + " " + data.encode());
        }
        return list;
    }

    @Test
    void textStreamsAsOneTextBlockWithTheReportedUsageAtTheEnd() {
        List<String> events = events(chunk("{\"role\":\"assistant\",\"content\":\"\"}", "null"),
                chunk("{\"content\":\"Hel\"}", "null") + chunk("{\"content\":\"lo\"}", "null"),
                chunk("{}", "\"stop\"") + USAGE + DONE);
        assertEquals(List.of(
                "message_start {\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":\"message\","
                        + "\"role\":\"assistant\",\"model\":\"deepseek-chat\",\"content\":[],\"stop_reason\":null,"
                        + "\"stop_sequence\":null,\"usage\":{\"input_tokens\":30,\"output_tokens\":0}}}",
                "content_block_start {\"type\":\"content_block_start\",\"index\":0,"
                        + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}",
                "content_block_delta {\"type\":\"content_block_delta\",\"index\":0,"
                        + "\"delta\":{\"type\":\"text_delta\",\"text\":\"Hel\"}}",
                "content_block_delta {\"type\":\"content_block_delta\",\"index\":0,"
                        + "\"delta\":{\"type\":\"text_delta\",\"text\":\"lo\"}}",
                "content_block_stop {\"type\":\"content_block_stop\",\"index\":0}",
                "message_delta {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\","
                        + "\"stop_sequence\":null},\"usage\":{\"input_tokens\":31,\"output_tokens\":7}}",
                "message_stop {\"type\":\"message_stop\"}"), events);
    }

    @Test
    void reasoningTextAndToolCallsEachGetTheirOwnBlockInOrder() {
        List<String> events = events(
                chunk("{\"reasoning_content\":\"think\"}", "null"),
                chunk("{\"content\":\"I'll check.\"}", "null"),
                chunk("{\"tool_calls\":[{\"index\":0,\"id\":\"call_9\",\"type\":\"function\","
                        + "\"function\":{\"name\":\"ls\",\"arguments\":\"\"}}]}", "null"),
                chunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"pa\"}}]}", "null"),
                chunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"th\\\":1}\"}}]}", "null"),
                chunk("{}", "\"tool_calls\"") + USAGE + DONE);
        List<String> names = events.stream().map(e -> e.substring(0, e.indexOf(' '))).toList();
        assertEquals(List.of("message_start", "content_block_start", "content_block_delta", "content_block_stop",
                "content_block_start", "content_block_delta", "content_block_stop",
                "content_block_start", "content_block_delta", "content_block_delta", "content_block_stop",
                "message_delta", "message_stop"), names);
        assertEquals("content_block_start {\"type\":\"content_block_start\",\"index\":0,\"content_block\":"
                + "{\"type\":\"thinking\",\"thinking\":\"\",\"signature\":\"\"}}", events.get(1));
        assertEquals("content_block_start {\"type\":\"content_block_start\",\"index\":2,\"content_block\":"
                + "{\"type\":\"tool_use\",\"id\":\"call_9\",\"name\":\"ls\",\"input\":{}}}", events.get(7));
        String partial = new JsonObject(events.get(8).substring(events.get(8).indexOf(' ') + 1))
                .getJsonObject("delta").getString("partial_json")
                + new JsonObject(events.get(9).substring(events.get(9).indexOf(' ') + 1))
                .getJsonObject("delta").getString("partial_json");
        assertEquals(new JsonObject("{\"path\":1}"), new JsonObject(partial));
        assertEquals("tool_use", new JsonObject(events.get(11).substring(events.get(11).indexOf(' ') + 1))
                .getJsonObject("delta").getString("stop_reason"));
    }

    @Test
    void aStreamWithNothingButDoneStillStartsAndEndsAMessage() {
        List<String> events = events(DONE);
        assertEquals(3, events.size(), events.toString());
        assertEquals("message_delta {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\","
                + "\"stop_sequence\":null},\"usage\":{\"output_tokens\":0}}", events.get(1));
    }
}
