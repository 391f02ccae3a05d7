package sluice.router.routing;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import sluice.router.openai.ChatRequest;
import sluice.router.openai.ChatRequestParser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UpstreamBodyTest {
    private static final String MESSAGES = "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]";

    private static ChatRequest parse(String json) {
        return ChatRequestParser.parse(Buffer.buffer(json));
    }

    @Test
    void theClientsBytesGoUpstreamUnchangedWhenNothingMustChange() {
        ChatRequest plain = parse("{\"model\":\"m\",\"temperature\":0.5, " + MESSAGES + "}");
        assertSame(plain.raw(), UpstreamBody.of(plain, "m"));
        assertSame(plain.raw(), UpstreamBody.of(plain, null));
        ChatRequest streamWithUsage = parse("{\"model\":\"m\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
                + MESSAGES + "}");
        assertSame(streamWithUsage.raw(), UpstreamBody.of(streamWithUsage, "m"));
    }

    @Test
    void aStreamWithoutOptionsGetsTheUsageOptionSpliced() {
        ChatRequest stream = parse("{\"model\":\"m\",\"stream\":true," + MESSAGES + "}\n");
        JsonObject sent = UpstreamBody.of(stream, "m").toJsonObject();
        assertTrue(sent.getJsonObject("stream_options").getBoolean("include_usage"));
        assertEquals(stream.body().getJsonArray("messages"), sent.getJsonArray("messages"));
        assertEquals("m", sent.getString("model"));
    }

    @Test
    void aRenamedModelOrOtherStreamOptionsAreEncodedWithEverythingElseKept() {
        ChatRequest request = parse("{\"model\":\"alias\",\"stream\":true,\"stream_options\":{\"include_usage\":false,"
                + "\"x\":1},\"tools\":[{\"type\":\"function\"}]," + MESSAGES + "}");
        JsonObject sent = UpstreamBody.of(request, "real-model").toJsonObject();
        assertEquals("real-model", sent.getString("model"));
        assertEquals(new JsonObject().put("include_usage", true).put("x", 1), sent.getJsonObject("stream_options"));
        assertEquals(request.body().getJsonArray("tools"), sent.getJsonArray("tools"));
        assertEquals("alias", request.body().getString("model"), "the client's parsed request is left as it was");
        assertEquals(false, request.body().getJsonObject("stream_options").getBoolean("include_usage"));
    }
}
