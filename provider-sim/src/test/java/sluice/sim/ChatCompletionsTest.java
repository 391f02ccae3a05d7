package sluice.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Answer formats of the OpenAI-compatible endpoints, over real HTTP. */
class ChatCompletionsTest {

    private static final Encoding O200K = Encodings.newDefaultEncodingRegistry()
            .getEncoding(EncodingType.O200K_BASE);
    private static final String KEY = "sk-format";

    private static ProviderSim sim;
    private static SimClient client;

    @BeforeAll
    static void start() {
        sim = ProviderSim.start(SimConfig.builder()
                .models(List.of("gpt-4o-mini", "sim-large"))
                .key(KEY, KeyLimits.unlimited())
                .faults(Faults.inherit().withCompletionTokens(20).withChunkDelayMs(40))
                .eventLoops(2)
                .build());
        client = new SimClient(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void nonStreamAnswerIsAChatCompletionWithHonestUsage() {
        ObjectNode body = SimClient.chatBody("Summarise the history of the Nile in one line.");
        ((ArrayNode) body.get("messages")).insert(0,
                SimClient.JSON.createObjectNode().put("role", "system")
                        .put("content", "You are terse."));
        HttpResponse<String> response = client.chat(KEY, body);

        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("content-type").orElseThrow()
                .startsWith("application/json"));
        JsonNode answer = SimClient.json(response);
        assertEquals("chat.completion", answer.get("object").asText());
        assertTrue(answer.get("id").asText().startsWith("chatcmpl-"));
        assertEquals("gpt-4o-mini", answer.get("model").asText());
        JsonNode choice = answer.get("choices").get(0);
        assertEquals("assistant", choice.at("/message/role").asText());
        assertEquals("stop", choice.get("finish_reason").asText());
        String content = choice.at("/message/content").asText();
        assertEquals(20, O200K.countTokens(content));
        int prompt = 3 + (3 + O200K.countTokens("You are terse."))
                + (3 + O200K.countTokens("Summarise the history of the Nile in one line."));
        assertEquals(prompt, answer.at("/usage/prompt_tokens").asInt());
        assertEquals(20, answer.at("/usage/completion_tokens").asInt());
        assertEquals(prompt + 20, answer.at("/usage/total_tokens").asInt());
    }

    @Test
    void maxTokensCapsTheCompletionWithFinishReasonLength() {
        JsonNode answer = SimClient.json(client.chat(KEY,
                SimClient.chatBody("Hi").put("max_tokens", 7)));
        assertEquals("length", answer.at("/choices/0/finish_reason").asText());
        assertEquals(7, answer.at("/usage/completion_tokens").asInt());
        assertEquals(7, O200K.countTokens(answer.at("/choices/0/message/content").asText()));

        JsonNode newer = SimClient.json(client.chat(KEY,
                SimClient.chatBody("Hi").put("max_completion_tokens", 5)));
        assertEquals(5, newer.at("/usage/completion_tokens").asInt());
    }

    @Test
    void contentPartsAreCountedAndTheModelIsEchoed() {
        ObjectNode body = SimClient.JSON.createObjectNode().put("model", "sim-large");
        ObjectNode message = body.putArray("messages").addObject().put("role", "user");
        message.putArray("content")
                .add(SimClient.JSON.createObjectNode().put("type", "text").put("text", "one two"))
                .add(SimClient.JSON.createObjectNode().put("type", "image_url"))
                .add(SimClient.JSON.createObjectNode().put("type", "text").put("text", "three"));
        JsonNode answer = SimClient.json(client.chat(KEY, body));
        assertEquals("sim-large", answer.get("model").asText());
        assertEquals(3 + 3 + O200K.countTokens("one two") + O200K.countTokens("three"),
                answer.at("/usage/prompt_tokens").asInt());
    }

    @Test
    void streamSendsChunksSeparatelyEndingWithUsageAndDone() throws Exception {
        StreamCapture stream = client.stream(KEY, SimClient.streamBody("Hello", true));
        assertNull(stream.await());

        assertEquals(200, stream.response().statusCode());
        assertEquals("text/event-stream",
                stream.response().headers().firstValue("content-type").orElseThrow());
        assertTrue(stream.events().size() >= 5, "chunks arrive as separate reads: "
                + stream.events().size());
        long spreadMillis = (stream.events().get(stream.events().size() - 1).nanos()
                - stream.events().get(0).nanos()) / 1_000_000;
        assertTrue(spreadMillis >= 200, "7 pieces 40 ms apart, got " + spreadMillis + " ms");
        assertTrue(stream.body().endsWith("data: [DONE]\n\n"), "blank line after each message");

        List<String> data = stream.dataMessages();
        assertEquals("[DONE]", data.get(data.size() - 1));
        JsonNode first = SimClient.JSON.readTree(data.get(0));
        assertEquals("chat.completion.chunk", first.get("object").asText());
        assertEquals("assistant", first.at("/choices/0/delta/role").asText());
        StringBuilder content = new StringBuilder();
        for (String message : data.subList(1, data.size() - 3)) {
            JsonNode chunk = SimClient.JSON.readTree(message);
            assertEquals(first.get("id").asText(), chunk.get("id").asText());
            assertTrue(chunk.at("/choices/0/finish_reason").isNull());
            content.append(chunk.at("/choices/0/delta/content").asText());
        }
        assertEquals(20, O200K.countTokens(content.toString()));
        JsonNode finish = SimClient.JSON.readTree(data.get(data.size() - 3));
        assertEquals("stop", finish.at("/choices/0/finish_reason").asText());
        JsonNode usage = SimClient.JSON.readTree(data.get(data.size() - 2));
        assertEquals(0, usage.get("choices").size());
        assertEquals(3 + 3 + O200K.countTokens("Hello"), usage.at("/usage/prompt_tokens").asInt());
        assertEquals(20, usage.at("/usage/completion_tokens").asInt());
    }

    @Test
    void streamWithoutIncludeUsageHasNoUsageChunk() throws Exception {
        StreamCapture stream = client.stream(KEY,
                SimClient.streamBody("Hello", false).put("max_tokens", 4));
        assertNull(stream.await());
        List<String> data = stream.dataMessages();
        assertEquals("[DONE]", data.get(data.size() - 1));
        JsonNode last = SimClient.JSON.readTree(data.get(data.size() - 2));
        assertEquals("length", last.at("/choices/0/finish_reason").asText());
        assertTrue(data.stream().noneMatch(message -> message.contains("\"usage\"")));
    }

    @Test
    void missingOrUnknownKeyIs401InvalidApiKey() {
        for (String key : new String[] {null, "sk-nobody"}) {
            HttpResponse<String> response = client.chat(key, SimClient.chatBody("Hi"));
            assertEquals(401, response.statusCode());
            JsonNode error = SimClient.json(response).get("error");
            assertEquals("invalid_request_error", error.get("type").asText());
            assertEquals("invalid_api_key", error.get("code").asText());
            assertTrue(error.get("param").isNull());
            assertTrue(error.get("message").asText().length() > 10);
        }
    }

    @Test
    void malformedJsonAndMissingMessagesAre400() {
        HttpResponse<String> malformed = client.chatRaw(KEY, "{\"model\": \"gpt-4o-mini\", ");
        assertEquals(400, malformed.statusCode());
        assertEquals("invalid_request_error",
                SimClient.json(malformed).at("/error/type").asText());

        HttpResponse<String> noMessages = client.chatRaw(KEY, "{\"model\":\"gpt-4o-mini\"}");
        assertEquals(400, noMessages.statusCode());
        JsonNode error = SimClient.json(noMessages).get("error");
        assertEquals("messages", error.get("param").asText());
        assertEquals("missing_required_parameter", error.get("code").asText());

        HttpResponse<String> badMax =
                client.chat(KEY, SimClient.chatBody("x").put("max_tokens", 0));
        assertEquals(400, badMax.statusCode());
        assertEquals("max_tokens", SimClient.json(badMax).at("/error/param").asText());
    }

    @Test
    void modelsListsTheConfiguredIdsForAKnownKey() {
        HttpResponse<String> response = client.get(sim.baseUrl() + "/models", KEY);
        assertEquals(200, response.statusCode());
        JsonNode list = SimClient.json(response);
        assertEquals("list", list.get("object").asText());
        assertEquals(2, list.get("data").size());
        assertEquals("gpt-4o-mini", list.at("/data/0/id").asText());
        assertEquals("sim-large", list.at("/data/1/id").asText());
        assertEquals("model", list.at("/data/1/object").asText());
        assertEquals(401, client.get(sim.baseUrl() + "/models", null).statusCode());
    }

    @Test
    void unknownPathIs404InOpenAiFormat() {
        HttpResponse<String> response = client.get(sim.baseUrl() + "/embeddings", KEY);
        assertEquals(404, response.statusCode());
        assertEquals("unknown_url", SimClient.json(response).at("/error/code").asText());
    }
}
