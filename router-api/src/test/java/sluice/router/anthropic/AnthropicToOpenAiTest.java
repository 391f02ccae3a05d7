package sluice.router.anthropic;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sluice.router.openai.ChatRequest;
import sluice.router.routing.BadRequestException;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An Anthropic Messages request as the Chat Completions request that carries it upstream. */
class AnthropicToOpenAiTest {

    private static JsonObject translated(String json) {
        return AnthropicToOpenAi.translate(new JsonObject(json), true, new ArrayList<>());
    }

    @Test
    void systemSamplingStopAndStreamAreCarried() {
        JsonObject out = translated("""
                {"model":"claude-sonnet-4-5","max_tokens":1024,"system":[{"type":"text","text":"Be brief.",
                 "cache_control":{"type":"ephemeral"}},{"type":"text","text":"Answer in English."}],
                 "messages":[{"role":"user","content":"hi"}],"temperature":0.2,"top_p":0.9,"top_k":40,
                 "stop_sequences":["END"],"stream":true,"metadata":{"user_id":"u-7"},
                 "thinking":{"type":"enabled","budget_tokens":2000}}""");
        assertEquals(new JsonObject("""
                {"model":"claude-sonnet-4-5","messages":[{"role":"system","content":"Be brief.\\nAnswer in English."},
                 {"role":"user","content":"hi"}],"max_tokens":1024,"temperature":0.2,"top_p":0.9,"stop":["END"],
                 "stream":true,"stream_options":{"include_usage":true},"user":"u-7"}"""), out);
    }

    @Test
    void anAgentTurnWithToolUseAndItsResultsBecomesToolCallsAndToolMessages() {
        JsonObject out = translated("""
                {"model":"m","max_tokens":100,"messages":[
                 {"role":"user","content":[{"type":"text","text":"list files"}]},
                 {"role":"assistant","content":[{"type":"thinking","thinking":"hmm","signature":"s"},
                   {"type":"text","text":"Let me look."},
                   {"type":"tool_use","id":"toolu_1","name":"ls","input":{"path":"/tmp"}},
                   {"type":"tool_use","id":"toolu_2","name":"cat","input":{"file":"a"}}]},
                 {"role":"user","content":[
                   {"type":"tool_result","tool_use_id":"toolu_1","content":"a b"},
                   {"type":"tool_result","tool_use_id":"toolu_2","is_error":true,
                    "content":[{"type":"text","text":"no such file"}]},
                   {"type":"text","text":"go on"}]}]}""");
        JsonArray messages = out.getJsonArray("messages");
        assertEquals(5, messages.size(), messages.encodePrettily());
        assertEquals(new JsonObject("""
                {"role":"assistant","content":"Let me look.","tool_calls":[
                 {"id":"toolu_1","type":"function","function":{"name":"ls","arguments":"{\\"path\\":\\"/tmp\\"}"}},
                 {"id":"toolu_2","type":"function","function":{"name":"cat","arguments":"{\\"file\\":\\"a\\"}"}}]}"""),
                messages.getJsonObject(1));
        assertEquals(new JsonObject("{\"role\":\"tool\",\"tool_call_id\":\"toolu_1\",\"content\":\"a b\"}"),
                messages.getJsonObject(2));
        assertEquals("[tool error] no such file", messages.getJsonObject(3).getString("content"));
        assertEquals(new JsonObject("{\"role\":\"user\",\"content\":\"go on\"}"), messages.getJsonObject(4));
    }

    @Test
    void imagesBecomeImageUrlPartsAndToolResultImagesFollowInTheUserTurn() {
        JsonObject out = translated("""
                {"model":"m","max_tokens":10,"messages":[{"role":"user","content":[
                 {"type":"text","text":"what is this?"},
                 {"type":"image","source":{"type":"base64","media_type":"image/png","data":"iVBOR"}},
                 {"type":"tool_result","tool_use_id":"t1","content":[{"type":"text","text":"shot"},
                   {"type":"image","source":{"type":"url","url":"https://example.invalid/a.png"}}]}]}]}""");
        JsonArray messages = out.getJsonArray("messages");
        assertEquals("tool", messages.getJsonObject(0).getString("role"));
        assertEquals("shot", messages.getJsonObject(0).getString("content"));
        assertEquals(new JsonArray("""
                [{"type":"text","text":"what is this?"},
                 {"type":"image_url","image_url":{"url":"data:image/png;base64,iVBOR"}},
                 {"type":"image_url","image_url":{"url":"https://example.invalid/a.png"}}]"""),
                messages.getJsonObject(1).getJsonArray("content"));
    }

    @Test
    void toolsAndToolChoiceBecomeFunctions() {
        JsonObject out = translated("""
                {"model":"m","max_tokens":10,"messages":[{"role":"user","content":"x"}],
                 "tools":[{"name":"get_weather","description":"Weather now","input_schema":{"type":"object",
                   "properties":{"city":{"type":"string"}},"required":["city"]}}],
                 "tool_choice":{"type":"tool","name":"get_weather","disable_parallel_tool_use":true}}""");
        assertEquals(new JsonArray("""
                [{"type":"function","function":{"name":"get_weather","description":"Weather now",
                  "parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}}]"""),
                out.getJsonArray("tools"));
        assertEquals(new JsonObject("{\"type\":\"function\",\"function\":{\"name\":\"get_weather\"}}"),
                out.getJsonObject("tool_choice"));
        assertFalse(out.getBoolean("parallel_tool_calls"));
        assertEquals("required", translated("""
                {"model":"m","max_tokens":1,"messages":[{"role":"user","content":"x"}],"tool_choice":{"type":"any"}}""")
                .getString("tool_choice"));
    }

    @Test
    void serverToolsAreLeftOutAndNamedSoAnAgentSendingThemIsStillServed() {
        List<String> dropped = new ArrayList<>();
        JsonObject out = AnthropicToOpenAi.translate(new JsonObject("""
                {"model":"m","max_tokens":10,"messages":[{"role":"user","content":"x"}],"tool_choice":{"type":"auto"},
                 "tools":[{"type":"web_search_20250305","name":"web_search","max_uses":5},
                          {"type":"custom","name":"grep","input_schema":{"type":"object"}}]}"""), true, dropped);
        assertEquals(List.of("web_search (web_search_20250305)"), dropped);
        assertEquals(1, out.getJsonArray("tools").size());
        assertEquals("grep", out.getJsonArray("tools").getJsonObject(0).getJsonObject("function").getString("name"));

        JsonObject onlyServer = AnthropicToOpenAi.translate(new JsonObject("""
                {"model":"m","max_tokens":10,"messages":[{"role":"user","content":"x"}],"tool_choice":{"type":"auto"},
                 "tools":[{"type":"bash_20250124","name":"bash"}]}"""), true, new ArrayList<>());
        assertFalse(onlyServer.containsKey("tools"));
        assertFalse(onlyServer.containsKey("tool_choice"), "no tool left to choose from");
    }

    @Test
    void theParsedRequestCountsToolDefinitionsAndCallsAsPrompt() {
        ChatRequest request = AnthropicToOpenAi.parse(Buffer.buffer("""
                {"model":"m","max_tokens":10,"stream":true,"messages":[{"role":"user","content":"x"},
                 {"role":"assistant","content":[{"type":"tool_use","id":"t","name":"grep","input":{"q":"needle"}}]}],
                 "tools":[{"name":"grep","input_schema":{"type":"object"}}]}"""));
        assertTrue(request.stream());
        assertTrue(request.includeUsage(), "the stream must carry usage for the gateway to settle");
        assertNull(request.raw(), "a translated request has no client bytes to forward");
        assertEquals(10, request.maxTokens());
        assertTrue(request.messageTexts().get(1).contains("needle"), request.messageTexts().toString());
        assertTrue(request.messageTexts().get(2).contains("grep"), "tool definitions are counted");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "no model            | {\"max_tokens\":1,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]} | model",
            "no max_tokens       | {\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]} | max_tokens",
            "no messages         | {\"model\":\"m\",\"max_tokens\":1} | messages",
            "role system         | {\"model\":\"m\",\"max_tokens\":1,\"messages\":[{\"role\":\"system\",\"content\":\"x\"}]} | messages[0].role",
            "content a number    | {\"model\":\"m\",\"max_tokens\":1,\"messages\":[{\"role\":\"user\",\"content\":1}]} | messages[0].content",
            "unknown block       | {\"model\":\"m\",\"max_tokens\":1,\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"video\"}]}]} | messages[0].content[0].type",
            "tool_use sans id    | {\"model\":\"m\",\"max_tokens\":1,\"messages\":[{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"name\":\"n\"}]}]} | messages[0].content[0].id",
            "pdf document        | {\"model\":\"m\",\"max_tokens\":1,\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"document\",\"source\":{\"type\":\"base64\",\"data\":\"x\"}}]}]} | messages[0].content[0].source.type",
            "tool sans schema    | {\"model\":\"m\",\"max_tokens\":1,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"tools\":[{\"name\":\"t\"}]} | tools[0].input_schema",
            "bad tool_choice     | {\"model\":\"m\",\"max_tokens\":1,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"tool_choice\":{\"type\":\"maybe\"}} | tool_choice.type",
            "system a number     | {\"model\":\"m\",\"max_tokens\":1,\"system\":3,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]} | system",
            "stop not strings    | {\"model\":\"m\",\"max_tokens\":1,\"stop_sequences\":[1],\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]} | stop_sequences[0]",
    })
    void badRequestsNameTheField(String name, String body, String field) {
        BadRequestException e = assertThrows(BadRequestException.class, () -> translated(body));
        assertEquals(field.trim(), e.param());
        assertTrue(e.getMessage().contains(field.trim()), e.getMessage());
    }
}
