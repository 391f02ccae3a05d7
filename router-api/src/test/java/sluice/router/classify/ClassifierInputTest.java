package sluice.router.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ClassifierInputTest {

    private static ClassifierInput openAi(String json) {
        return ClassifierInput.fromOpenAi(new JsonObject(json), 123);
    }

    private static ClassifierInput anthropic(String json) {
        return ClassifierInput.fromAnthropic(new JsonObject(json), 123);
    }

    @Test
    void readsMessagesOfAnOpenAiConversation() {
        ClassifierInput input = openAi("""
                {"model": "gpt-4o", "messages": [
                  {"role": "system", "content": "Be brief."},
                  {"role": "developer", "content": "Answer in Arabic."},
                  {"role": "user", "content": "one"},
                  {"role": "assistant", "content": "reply"},
                  {"role": "user", "content": "two"},
                  {"role": "user", "content": [{"type": "text", "text": "three"}, {"type": "text", "text": "3b"}]},
                  {"role": "user", "content": "four"}
                ]}""");

        assertEquals(List.of("two", "three\n3b", "four"), input.userTexts());
        assertEquals("Be brief.\nAnswer in Arabic.", input.systemText());
        assertEquals(123, input.promptTokens());
        assertNull(input.explicitModel());
        assertFalse(input.hasTools() || input.hasImageParts() || input.hasThinkingParam() || input.hasWebSearchTool());
    }

    @Test
    void aModelWithASlashIsAnExplicitProviderModel() {
        assertEquals("deepseek/deepseek-chat",
                openAi("{\"model\": \"deepseek/deepseek-chat\", \"messages\": []}").explicitModel());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "{\"reasoning_effort\": \"low\"}                     | true",
        "{\"reasoning_effort\": \"none\"}                    | false",
        "{\"reasoning\": {\"effort\": \"high\"}}             | true",
        "{\"thinking\": {\"type\": \"enabled\"}}             | true",
        "{\"thinking\": {\"type\": \"disabled\"}}            | false",
        "{\"enable_thinking\": true}                         | true",
        "{\"enable_thinking\": false}                        | false",
    })
    void thinkingParametersOfEachDialectAreRecognised(String json, boolean thinking) {
        assertEquals(thinking, openAi(json).hasThinkingParam());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"type\": \"web_search_preview\"}                                   | true  | true",
        "{\"type\": \"function\", \"function\": {\"name\": \"web_search\"}}   | true  | true",
        "{\"type\": \"function\", \"function\": {\"name\": \"search\"}}       | true  | true",
        "{\"type\": \"function\", \"function\": {\"name\": \"search_files\"}} | false | true",
        "{\"type\": \"function\", \"function\": {\"name\": \"get_weather\"}}  | false | true",
    })
    void webSearchToolsAreToldApartFromOtherTools(String tool, boolean webSearch, boolean tools) {
        ClassifierInput input = openAi("{\"messages\": [], \"tools\": [" + tool + "]}");

        assertEquals(webSearch, input.hasWebSearchTool());
        assertEquals(tools, input.hasTools());
    }

    @Test
    void toolChoiceNoneWithoutToolsIsNotAnAgentRequest() {
        assertFalse(openAi("{\"messages\": [], \"tool_choice\": \"none\"}").hasTools());
        assertTrue(openAi("{\"messages\": [], \"tool_choice\": \"required\"}").hasTools());
        assertTrue(openAi("{\"messages\": [], \"web_search_options\": {}}").hasWebSearchTool());
    }

    @Test
    void imagePartsAreFoundInAnyMessage() {
        ClassifierInput input = openAi("""
                {"messages": [
                  {"role": "user", "content": [{"type": "image_url", "image_url": {"url": "https://x/cat.png"}}]},
                  {"role": "user", "content": "what breed is it?"}
                ]}""");

        assertTrue(input.hasImageParts());
        assertEquals(List.of("what breed is it?"), input.userTexts());
    }

    @Test
    void malformedPartsAreSkippedNotThrownOn() {
        ClassifierInput input = openAi("""
                {"model": 42, "messages": [7, {"role": "user", "content": 5},
                  {"role": "user", "content": [1, {"type": "text"}]},
                  {"role": "user", "content": "ok"}], "tools": "oops", "reasoning_effort": 3}""");

        assertEquals(List.of("ok"), input.userTexts());
        assertNull(input.explicitModel());
        assertFalse(input.hasTools() || input.hasThinkingParam());
    }

    @Test
    void readsAnAnthropicMessagesBody() {
        ClassifierInput input = anthropic("""
                {"model": "anthropic/claude-sonnet-4-5",
                 "system": [{"type": "text", "text": "You review Java code."}],
                 "thinking": {"type": "enabled", "budget_tokens": 2048},
                 "tools": [{"type": "web_search_20250305", "name": "web_search"}],
                 "messages": [{"role": "user", "content": [
                   {"type": "image", "source": {"type": "base64", "media_type": "image/png", "data": "iVBO"}},
                   {"type": "text", "text": "what is this?"}]}]}""");

        assertEquals("anthropic/claude-sonnet-4-5", input.explicitModel());
        assertEquals("You review Java code.", input.systemText());
        assertTrue(input.hasThinkingParam());
        assertTrue(input.hasWebSearchTool());
        assertTrue(input.hasTools());
        assertTrue(input.hasImageParts());
        assertEquals(List.of("what is this?"), input.userTexts());
    }

    @Test
    void anthropicDisabledThinkingAndPlainSystemString() {
        ClassifierInput input = anthropic("""
                {"model": "claude-haiku-4-5", "system": "Be kind.", "thinking": {"type": "disabled"},
                 "messages": [{"role": "user", "content": "hi"}]}""");

        assertFalse(input.hasThinkingParam());
        assertEquals("Be kind.", input.systemText());
        assertNull(input.explicitModel());
    }
}
