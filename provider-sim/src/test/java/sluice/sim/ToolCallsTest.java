package sluice.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sluice.sim.ToolRequests.O200K;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tool calls answered whole and streamed as argument fragments, over real HTTP. */
class ToolCallsTest {

    private static final String QUESTION = "What will the weather be in Lisbon?";
    private static final String WEATHER_SCHEMA = """
            {"type": "object",
             "properties": {"city": {"type": "string"}, "days": {"type": "integer"},
                            "ratio": {"type": "number"}, "metric": {"type": "boolean"},
                            "tags": {"type": "array"}, "filters": {"type": "object"},
                            "mode": {"type": ["string", "null"]}, "note": {}},
             "required": ["days", "city", "ratio", "metric", "tags", "filters", "mode", "note"]}
            """;
    /** The sample arguments of WEATHER_SCHEMA, in the order of its required list. */
    private static final String WEATHER_ARGUMENTS = "{\"days\":1,\"city\":\"sim\",\"ratio\":1.5,"
            + "\"metric\":true,\"tags\":[],\"filters\":{},\"mode\":null,\"note\":null}";
    private static final ObjectNode WEATHER = ToolRequests.tool("get_weather", WEATHER_SCHEMA);
    /** Reply priming, the question as one message, and the weather tool's definition. */
    private static final int WEATHER_PROMPT = 3 + (3 + O200K.countTokens(QUESTION))
            + ToolRequests.definitionTokens(WEATHER);

    private static ProviderSim sim;
    private static SimClient client;

    @BeforeAll
    static void start() {
        sim = ProviderSim.start(SimConfig.builder()
                .faults(Faults.inherit().withCompletionTokens(20).withChunkDelayMs(20))
                .eventLoops(2)
                .build());
        client = new SimClient(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void nonStreamToolCallCarriesSampleArgumentsAndHonestUsage() throws Exception {
        sim.setKey("sk-tool-whole", KeyLimits.unlimited());
        JsonNode answer = SimClient.json(client.chat("sk-tool-whole",
                ToolRequests.withTools(SimClient.chatBody(QUESTION), WEATHER)));

        JsonNode choice = answer.at("/choices/0");
        assertEquals("tool_calls", choice.get("finish_reason").asText());
        JsonNode message = choice.get("message");
        assertEquals("assistant", message.get("role").asText());
        assertTrue(message.get("content").isNull(), "content is null beside tool calls");
        assertEquals(1, message.get("tool_calls").size());
        JsonNode call = message.at("/tool_calls/0");
        assertTrue(call.get("id").asText().startsWith("call_"), call.toString());
        assertEquals("function", call.get("type").asText());
        assertEquals("get_weather", call.at("/function/name").asText());
        String arguments = call.at("/function/arguments").asText();
        assertEquals(WEATHER_ARGUMENTS, arguments, "a JSON string, keys in required order");
        assertEquals(SimClient.JSON.readTree(WEATHER_ARGUMENTS),
                SimClient.JSON.readTree(arguments));

        int completion = O200K.countTokens(arguments);
        assertEquals(completion, answer.at("/usage/completion_tokens").asInt());
        assertEquals(WEATHER_PROMPT, answer.at("/usage/prompt_tokens").asInt());
        assertEquals(WEATHER_PROMPT + completion, answer.at("/usage/total_tokens").asInt());
        KeyStats stats = sim.stats().key("sk-tool-whole");
        assertEquals(completion, stats.completionTokens(), "charged what usage reports");
        assertEquals(WEATHER_PROMPT, stats.promptTokens());
    }

    @Test
    void eachAnswerHasItsOwnCallId() {
        sim.setKey("sk-tool-ids", KeyLimits.unlimited());
        ObjectNode body = ToolRequests.withTools(SimClient.chatBody(QUESTION), WEATHER);
        String first = SimClient.json(client.chat("sk-tool-ids", body))
                .at("/choices/0/message/tool_calls/0/id").asText();
        String second = SimClient.json(client.chat("sk-tool-ids", body))
                .at("/choices/0/message/tool_calls/0/id").asText();
        assertNotEquals(first, second);
    }

    @Test
    void streamedToolCallArrivesAsArgumentFragmentsThenUsageAndDone() throws Exception {
        sim.setKey("sk-tool-stream", KeyLimits.unlimited());
        ObjectNode body = ToolRequests.withTools(SimClient.streamBody(QUESTION, true), WEATHER);
        StreamCapture stream = client.stream("sk-tool-stream", body);
        assertNull(stream.await());

        List<String> data = stream.dataMessages();
        assertEquals("[DONE]", data.get(data.size() - 1));
        assertEquals("assistant", chunk(data, 0).at("/choices/0/delta/role").asText());
        JsonNode start = chunk(data, 1).at("/choices/0/delta/tool_calls/0");
        assertEquals(0, start.get("index").asInt());
        assertTrue(start.get("id").asText().startsWith("call_"), start.toString());
        assertEquals("function", start.get("type").asText());
        assertEquals("get_weather", start.at("/function/name").asText());
        assertEquals("", start.at("/function/arguments").asText());

        List<String> fragments = argumentFragments(data.subList(2, data.size() - 3));
        assertTrue(fragments.size() >= 2, "fragments: " + fragments);
        assertEquals(WEATHER_ARGUMENTS, String.join("", fragments));
        JsonNode finish = chunk(data, data.size() - 3).at("/choices/0");
        assertEquals("tool_calls", finish.get("finish_reason").asText());
        assertEquals(0, finish.get("delta").size());

        JsonNode usage = chunk(data, data.size() - 2);
        assertEquals(0, usage.get("choices").size());
        int completion = O200K.countTokens(WEATHER_ARGUMENTS);
        assertEquals(completion, usage.at("/usage/completion_tokens").asInt());
        assertEquals(WEATHER_PROMPT, usage.at("/usage/prompt_tokens").asInt());
        assertEquals(completion, sim.stats().key("sk-tool-stream").completionTokens());
        assertTrue(stream.events().size() >= 4, "chunks 20 ms apart arrive as separate reads");
    }

    @Test
    void argumentsFallBackToTheFirstPropertyOrAnEmptyObject() throws Exception {
        sim.setKey("sk-tool-samples", KeyLimits.unlimited());
        assertEquals("{\"query\":\"sim\"}", calledArguments(ToolRequests.tool("search", """
                {"type": "object", "properties": {"query": {"type": "string"},
                                                  "limit": {"type": "integer"}}}""")));
        assertEquals("{\"query\":\"sim\"}", calledArguments(ToolRequests.tool("search", """
                {"type": "object", "properties": {"query": {"type": "string"}},
                 "required": []}""")));
        assertEquals("{}", calledArguments(ToolRequests.tool("now", null)));
        assertEquals("{}", calledArguments(ToolRequests.tool("now", "{\"type\": \"object\"}")));

        StreamCapture stream = client.stream("sk-tool-samples", ToolRequests.withTools(
                SimClient.streamBody(QUESTION, false), ToolRequests.tool("now", null)));
        assertNull(stream.await());
        List<String> data = stream.dataMessages();
        assertEquals(List.of("{", "}"), argumentFragments(data.subList(2, data.size() - 2)),
                "even {} comes in two fragments");
    }

    @Test
    void clientSuppliedNamesAreEscapedWholeAndStreamed() throws Exception {
        sim.setKey("sk-tool-escape", KeyLimits.unlimited());
        String name = "say \"hi\" \\ naïve 😀\n";
        // {"a😀":1} is 9 chars; its middle falls inside the emoji's surrogate pair
        ObjectNode tool = ToolRequests.tool(name, """
                {"type": "object", "properties": {"a😀": {"type": "integer"}},
                 "required": ["a😀"]}""");
        JsonNode call = SimClient.json(client.chat("sk-tool-escape",
                ToolRequests.withTools(SimClient.chatBody(QUESTION), tool)))
                .at("/choices/0/message/tool_calls/0/function");
        assertEquals(name, call.get("name").asText());
        assertEquals("{\"a😀\":1}", call.get("arguments").asText());

        StreamCapture stream = client.stream("sk-tool-escape",
                ToolRequests.withTools(SimClient.streamBody(QUESTION, false), tool));
        assertNull(stream.await());
        List<String> data = stream.dataMessages();
        assertEquals(name, chunk(data, 1).at("/choices/0/delta/tool_calls/0/function/name")
                .asText());
        assertEquals("{\"a😀\":1}",
                String.join("", argumentFragments(data.subList(2, data.size() - 2))));
    }

    @Test
    void cutStreamEndsAToolCallAfterHalfItsArguments() throws Exception {
        sim.setKey("sk-tool-cut", KeyLimits.unlimited(), Faults.inherit().withCutStreamRate(1.0));
        StreamCapture stream = client.stream("sk-tool-cut",
                ToolRequests.withTools(SimClient.streamBody(QUESTION, true), WEATHER));
        assertNotNull(stream.await(), "the body must end in an error, not a clean end");

        List<String> data = stream.dataMessages();
        assertEquals(3, data.size(), "role, call start, first argument fragment: " + data);
        assertEquals("get_weather",
                chunk(data, 1).at("/choices/0/delta/tool_calls/0/function/name").asText());
        String sent = argumentFragments(data.subList(2, 3)).get(0);
        assertTrue(WEATHER_ARGUMENTS.startsWith(sent)
                && sent.length() < WEATHER_ARGUMENTS.length(), sent);
        assertFalse(stream.body().contains("[DONE]"));
        KeyStats stats = sim.stats().key("sk-tool-cut");
        assertEquals(Math.min(O200K.countTokens(WEATHER_ARGUMENTS), O200K.countTokens(sent)),
                stats.completionTokens(), "tokens sent so far count as completion");
        assertEquals(0, stats.inFlight());
    }

    private static String calledArguments(ObjectNode tool) {
        return SimClient.json(client.chat("sk-tool-samples",
                        ToolRequests.withTools(SimClient.chatBody(QUESTION), tool)))
                .at("/choices/0/message/tool_calls/0/function/arguments").asText();
    }

    /** @return each chunk's argument fragment; fails on a chunk that is not one */
    private static List<String> argumentFragments(List<String> chunks) throws Exception {
        List<String> fragments = new ArrayList<>();
        for (String message : chunks) {
            JsonNode choice = SimClient.JSON.readTree(message).at("/choices/0");
            assertTrue(choice.get("finish_reason").isNull(), message);
            JsonNode call = choice.at("/delta/tool_calls/0");
            assertEquals(0, call.get("index").asInt(), message);
            assertFalse(call.has("id") || call.at("/function").has("name"),
                    "only the first tool chunk names the call: " + message);
            fragments.add(call.at("/function/arguments").textValue());
        }
        return fragments;
    }

    private static JsonNode chunk(List<String> data, int index) throws Exception {
        return SimClient.JSON.readTree(data.get(index));
    }
}
