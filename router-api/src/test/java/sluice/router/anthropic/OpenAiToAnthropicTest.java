package sluice.router.anthropic;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A Chat Completions answer as an Anthropic Messages answer. */
class OpenAiToAnthropicTest {

    @Test
    void reasoningTextAndToolCallsBecomeBlocksWithAnthropicUsage() {
        JsonObject completion = new JsonObject("""
                {"id":"c","object":"chat.completion","model":"deepseek-reasoner","choices":[{"index":0,
                 "message":{"role":"assistant","reasoning_content":"why","content":"Checking.","tool_calls":[
                  {"id":"call_1","type":"function","function":{"name":"ls","arguments":"{\\"path\\":\\"/\\"}"}},
                  {"id":"call_2","type":"function","function":{"name":"raw","arguments":"not json"}}]},
                 "finish_reason":"tool_calls"}],
                 "usage":{"prompt_tokens":100,"completion_tokens":20,"prompt_tokens_details":{"cached_tokens":60}}}""");
        assertEquals(new JsonObject("""
                {"id":"msg_x","type":"message","role":"assistant","model":"deepseek-reasoner","content":[
                  {"type":"thinking","thinking":"why","signature":""},
                  {"type":"text","text":"Checking."},
                  {"type":"tool_use","id":"call_1","name":"ls","input":{"path":"/"}},
                  {"type":"tool_use","id":"call_2","name":"raw","input":{"_unparsed_arguments":"not json"}}],
                 "stop_reason":"tool_use","stop_sequence":null,
                 "usage":{"input_tokens":40,"output_tokens":20,"cache_creation_input_tokens":0,
                  "cache_read_input_tokens":60}}"""), OpenAiToAnthropic.message(completion, "msg_x"));
    }

    @ParameterizedTest
    @CsvSource({"stop,end_turn", "length,max_tokens", "tool_calls,tool_use", "content_filter,refusal",
            "something_new,end_turn"})
    void finishReasonsMapToStopReasons(String finish, String stop) {
        assertEquals(stop, OpenAiToAnthropic.stopReason(finish));
    }

    @Test
    void aCompletionWithoutChoicesIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> OpenAiToAnthropic.message(new JsonObject("{\"choices\":[]}"), "msg"));
    }
}
