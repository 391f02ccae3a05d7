package sluice.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static sluice.sim.ToolRequests.O200K;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** When the simulator calls a tool, which one, and which tool requests it refuses. */
class ToolChoiceTest {

    private static final String KEY = "sk-tool-choice";
    private static final String QUESTION = "Find the invoice for ACME and email it.";
    private static final ObjectNode SEARCH = ToolRequests.tool("search_invoices", """
            {"type": "object", "properties": {"customer": {"type": "string"}},
             "required": ["customer"]}""");
    private static final ObjectNode EMAIL = ToolRequests.tool("send_email", """
            {"type": "object", "properties": {"to": {"type": "string"},
                                              "attach": {"type": "boolean"}},
             "required": ["to", "attach"]}""");

    private static ProviderSim sim;
    private static SimClient client;

    @BeforeAll
    static void start() {
        sim = ProviderSim.start(SimConfig.builder()
                .key(KEY, KeyLimits.unlimited())
                .faults(Faults.inherit().withCompletionTokens(12))
                .eventLoops(1)
                .build());
        client = new SimClient(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void autoOrAbsentToolChoiceCallsTheFirstToolAfterAUserMessage() {
        JsonNode absent = answer(tools(SimClient.chatBody(QUESTION)));
        assertEquals("search_invoices", absent.at("/message/tool_calls/0/function/name").asText());
        assertEquals("{\"customer\":\"sim\"}",
                absent.at("/message/tool_calls/0/function/arguments").asText());
        JsonNode auto = answer(tools(SimClient.chatBody(QUESTION)).put("tool_choice", "auto"));
        assertEquals("tool_calls", auto.get("finish_reason").asText());
        assertEquals("search_invoices", auto.at("/message/tool_calls/0/function/name").asText());
    }

    @Test
    void toolChoiceNoneAnswersWithTextAndStillPricesTheTools() {
        JsonNode answer = SimClient.json(client.chat(KEY,
                tools(SimClient.chatBody(QUESTION)).put("tool_choice", "none")));
        JsonNode choice = answer.at("/choices/0");
        assertEquals("stop", choice.get("finish_reason").asText());
        assertFalse(choice.get("message").has("tool_calls"));
        assertEquals(12, O200K.countTokens(choice.at("/message/content").asText()));
        assertEquals(3 + (3 + O200K.countTokens(QUESTION)) + ToolRequests.definitionTokens(SEARCH)
                        + ToolRequests.definitionTokens(EMAIL),
                answer.at("/usage/prompt_tokens").asInt());
    }

    @Test
    void namedToolChoiceCallsThatTool() {
        JsonNode call = answer(ToolRequests.choosing(tools(SimClient.chatBody(QUESTION)),
                "send_email")).at("/message/tool_calls/0/function");
        assertEquals("send_email", call.get("name").asText());
        assertEquals("{\"to\":\"sim\",\"attach\":true}", call.get("arguments").asText());
    }

    @Test
    void afterAToolResultTheModelAnswersWithTextUnlessACallIsRequired() {
        String arguments = "{\"customer\":\"ACME\"}";
        String result = "{\"invoice\":\"INV-7\",\"total\":120.5}";
        ObjectNode history = ToolRequests.afterToolResult(QUESTION, "search_invoices", arguments,
                result);
        JsonNode answer = SimClient.json(client.chat(KEY, tools(history)));
        assertEquals("stop", answer.at("/choices/0/finish_reason").asText());
        assertEquals(12, answer.at("/usage/completion_tokens").asInt());
        int prompt = 3 + (3 + O200K.countTokens(QUESTION))
                + (3 + O200K.countTokens("search_invoices") + O200K.countTokens(arguments))
                + (3 + O200K.countTokens(result))
                + ToolRequests.definitionTokens(SEARCH) + ToolRequests.definitionTokens(EMAIL);
        assertEquals(prompt, answer.at("/usage/prompt_tokens").asInt(),
                "tool calls and tool results in the history are priced");

        JsonNode auto = answer(tools(history.deepCopy()).put("tool_choice", "auto"));
        assertEquals("stop", auto.get("finish_reason").asText());
        JsonNode required = answer(tools(history.deepCopy()).put("tool_choice", "required"));
        assertEquals("tool_calls", required.get("finish_reason").asText());
        assertEquals("search_invoices",
                required.at("/message/tool_calls/0/function/name").asText());
    }

    @Test
    void unknownNamedToolIs400NamingToolChoice() {
        assertRefused(ToolRequests.choosing(tools(SimClient.chatBody(QUESTION)),
                "delete_everything"), "tool_choice", "invalid_value");
    }

    @Test
    void toolChoiceWithoutToolsOrOfAnUnknownKindIs400() {
        assertRefused(SimClient.chatBody(QUESTION).put("tool_choice", "required"),
                "tool_choice", null);
        assertRefused(tools(SimClient.chatBody(QUESTION)).put("tool_choice", "sometimes"),
                "tool_choice", "invalid_value");
        assertRefused(tools(SimClient.chatBody(QUESTION)).put("tool_choice", 1),
                "tool_choice", "invalid_type");
    }

    @Test
    void malformedToolsAre400NamingTheField() {
        assertRefused(SimClient.chatBody(QUESTION).put("tools", "search"),
                "tools", "invalid_type");
        assertRefused(withRawTools("[]"), "tools", "empty_array");
        assertRefused(withRawTools("[\"search\"]"), "tools[0]", "invalid_type");
        assertRefused(withRawTools("[{\"type\": \"function\"}]"),
                "tools[0].function", "missing_required_parameter");
        assertRefused(withRawTools("[{\"function\": {\"name\": \"x\"}}]"),
                "tools[0].type", "missing_required_parameter");
        assertRefused(withRawTools("[{\"type\": \"web_search\", \"function\": {\"name\": \"x\"}}]"),
                "tools[0].type", "invalid_value");
        assertRefused(withRawTools("[" + SEARCH + ", {\"type\": \"function\", \"function\": {}}]"),
                "tools[1].function.name", "missing_required_parameter");
        assertRefused(withRawTools("[{\"type\": \"function\", \"function\": {\"name\": 7}}]"),
                "tools[0].function.name", "invalid_type");
        assertRefused(withRawTools("[{\"type\": \"function\", \"function\": {\"name\": \"\"}}]"),
                "tools[0].function.name", "empty_string");
        assertRefused(withRawTools("[{\"type\": \"function\", \"function\": {\"name\": \"x\", "
                + "\"parameters\": \"{}\"}}]"), "tools[0].function.parameters", "invalid_type");
    }

    @Test
    void malformedToolCallsInTheHistoryAre400NamingTheField() {
        ObjectNode history = ToolRequests.afterToolResult(QUESTION, "search_invoices", "{}", "ok");
        ObjectNode notArray = history.deepCopy();
        ((ObjectNode) notArray.at("/messages/1")).put("tool_calls", "search_invoices");
        assertRefused(notArray, "messages[1].tool_calls", "invalid_type");
        ObjectNode noArguments = history.deepCopy();
        ((ObjectNode) noArguments.at("/messages/1/tool_calls/0/function")).remove("arguments");
        assertRefused(noArguments, "messages[1].tool_calls[0].function.arguments",
                "missing_required_parameter");
    }

    private static ObjectNode tools(ObjectNode body) {
        return ToolRequests.withTools(body, SEARCH, EMAIL);
    }

    private static ObjectNode withRawTools(String toolsJson) {
        ObjectNode body = SimClient.chatBody(QUESTION);
        body.set("tools", ToolRequests.parse(toolsJson));
        return body;
    }

    /** @return the first choice of a successful answer to {@code body} */
    private static JsonNode answer(ObjectNode body) {
        HttpResponse<String> response = client.chat(KEY, body);
        assertEquals(200, response.statusCode(), response.body());
        return SimClient.json(response).at("/choices/0");
    }

    /** Asserts a 400 in OpenAI's format; a null param or code is not checked. */
    private static void assertRefused(ObjectNode body, String param, String code) {
        long refusedBefore = sim.stats().key(KEY).rejected(RejectReason.BAD_REQUEST);
        HttpResponse<String> response = client.chat(KEY, body);
        assertEquals(400, response.statusCode(), response.body());
        JsonNode error = SimClient.json(response).get("error");
        assertEquals("invalid_request_error", error.get("type").asText());
        if (param != null) {
            assertEquals(param, error.get("param").asText(), response.body());
        }
        if (code != null) {
            assertEquals(code, error.get("code").asText(), response.body());
        }
        assertEquals(refusedBefore + 1, sim.stats().key(KEY).rejected(RejectReason.BAD_REQUEST));
    }
}
