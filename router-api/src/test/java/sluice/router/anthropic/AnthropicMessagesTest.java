package sluice.router.anthropic;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.JsonValue;
import com.anthropic.core.http.HttpResponseFor;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.errors.UnauthorizedException;
import com.anthropic.errors.BadRequestException;
import com.anthropic.errors.RateLimitException;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.messages.ContentBlock;
import com.anthropic.models.messages.ContentBlockParam;
import com.anthropic.models.messages.DocumentBlockParam;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCountTokensParams;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.StopReason;
import com.anthropic.models.messages.Tool;
import com.anthropic.models.messages.ToolUseBlock;
import io.quarkus.arc.Arc;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sluice.quota.QuotaEngine;
import sluice.router.GatewayTestEnvironment;
import sluice.router.LedgerRows;
import sluice.router.admin.AdminClient;

import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Anthropic Messages API, used by the official Anthropic SDK as its own server: answers,
 * streams, tool use and errors reach it in the shapes it reads, carried to the simulator (an
 * OpenAI-compatible provider) with the same keys, quota and ledger as Chat Completions.
 */
@QuarkusTest
@QuarkusTestResource(value = GatewayTestEnvironment.class, restrictToAnnotatedClass = false)
class AnthropicMessagesTest {
    private static String clientKey;

    @TestHTTPResource("/")
    URL root;

    /** A tenant of this class's own, made once (RestAssured knows the test port only once tests run). */
    private static void ensureTenant() {
        if (clientKey != null) {
            return;
        }
        String tenant = AdminClient.unique("anthropic");
        AdminClient.asAdmin().body(Map.of("id", tenant, "name", "Anthropic SDK user", "limits", Map.of("rpm", 1000)))
                .post("/admin/tenants").then().statusCode(201);
        clientKey = AdminClient.asAdmin().body(Map.of("label", "anthropic sdk"))
                .post("/admin/tenants/" + tenant + "/client-keys").then().statusCode(201).extract().jsonPath()
                .getString("key");
    }

    @BeforeEach
    void reset() {
        GatewayTestEnvironment.resetGateway();
        ensureTenant();
    }

    @AfterAll
    static void keysBack() {
        GatewayTestEnvironment.resetGateway();
    }

    private AnthropicClient client(String key) {
        return AnthropicOkHttpClient.builder().baseUrl(root.toString().replaceAll("/$", "")).apiKey(key)
                .maxRetries(0).build();
    }

    private static MessageCreateParams.Builder hello() {
        return MessageCreateParams.builder().model("gpt-4o-mini").maxTokens(200)
                .system("You are terse.").addUserMessage("Say hello to the gateway");
    }

    private static Tool weather() {
        return Tool.builder().name("get_weather").description("Current weather in a city")
                .inputSchema(Tool.InputSchema.builder()
                        .properties(JsonValue.from(Map.of("city", Map.of("type", "string"))))
                        .addRequired("city").build())
                .build();
    }

    @Test
    void aMessageComesBackAsTheSdkReadsItAndLandsInTheLedger() throws Exception {
        HttpResponseFor<Message> raw = client(clientKey).messages().withRawResponse().create(hello().build());
        Message message = raw.parse();
        String requestId = raw.headers().values("x-request-id").get(0);
        assertEquals("sim", raw.headers().values("x-sluice-provider").get(0));
        assertEquals("msg_" + requestId.replace("-", ""), message.id());
        assertEquals(StopReason.END_TURN, message.stopReason().orElseThrow());
        String text = message.content().get(0).text().orElseThrow().text();
        assertTrue(text.split(" ").length >= 2, text);
        assertEquals(12, message.usage().outputTokens(), "the simulator's completion, as it reported it");
        assertTrue(message.usage().inputTokens() > 5);
        assertEquals("200," + message.usage().inputTokens() + ",12", LedgerRows.tokens(requestId),
                "the ledger row holds what the client was told it used");
    }

    @Test
    void aStreamAccumulatesIntoTheSameMessageTheSimulatorWrote() {
        MessageAccumulator accumulator = MessageAccumulator.create();
        try (StreamResponse<RawMessageStreamEvent> stream = client(clientKey).messages()
                .createStreaming(hello().build())) {
            stream.stream().forEach(accumulator::accumulate);
        }
        Message message = accumulator.message();
        assertEquals(StopReason.END_TURN, message.stopReason().orElseThrow());
        assertEquals(1, message.content().size());
        assertTrue(message.content().get(0).text().orElseThrow().text().split(" ").length >= 2);
        assertEquals(12, message.usage().outputTokens());
        assertEquals(1, upstreamCalls(), "one upstream call");
    }

    @Test
    void toolUseComesBackAsAToolUseBlockWithItsInput() {
        Message message = client(clientKey).messages().create(hello().addTool(weather()).build());
        assertEquals(StopReason.TOOL_USE, message.stopReason().orElseThrow());
        ToolUseBlock call = message.content().stream().filter(ContentBlock::isToolUse).findFirst().orElseThrow()
                .asToolUse();
        assertEquals("get_weather", call.name());
        assertEquals(JsonValue.from(Map.of("city", "sim")), call._input());
        assertTrue(message.usage().outputTokens() > 0);
    }

    @Test
    void aStreamedToolCallAccumulatesItsArgumentFragmentsIntoTheInput() {
        MessageAccumulator accumulator = MessageAccumulator.create();
        try (StreamResponse<RawMessageStreamEvent> stream = client(clientKey).messages()
                .createStreaming(hello().addTool(weather()).build())) {
            stream.stream().forEach(accumulator::accumulate);
        }
        Message message = accumulator.message();
        assertEquals(StopReason.TOOL_USE, message.stopReason().orElseThrow());
        ToolUseBlock call = message.content().stream().filter(ContentBlock::isToolUse).findFirst().orElseThrow()
                .asToolUse();
        assertEquals(JsonValue.from(Map.of("city", "sim")), call._input());
    }

    @Test
    void theStreamIsAnthropicsEventSequence() {
        String body = given().contentType(ContentType.JSON).header("x-api-key", clientKey)
                .header("anthropic-version", "2023-06-01")
                .body("{\"model\":\"gpt-4o-mini\",\"max_tokens\":50,\"stream\":true,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .post("/v1/messages").then().statusCode(200)
                .contentType(containsString("text/event-stream")).extract().asString();
        List<String> names = body.lines().filter(l -> l.startsWith("event: ")).map(l -> l.substring(7))
                .distinct().collect(Collectors.toList());
        assertEquals(List.of("message_start", "content_block_start", "content_block_delta", "content_block_stop",
                "message_delta", "message_stop"), names, body);
        assertTrue(!body.contains("[DONE]") && !body.contains("chat.completion"), "nothing of the upstream's format");
    }

    @Test
    void badInputIsAnAnthropicErrorNamingTheField() {
        given().contentType(ContentType.JSON).header("x-api-key", clientKey)
                .body("{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .post("/v1/messages").then().statusCode(400)
                .body("type", equalTo("error"))
                .body("error.type", equalTo("invalid_request_error"))
                .body("error.message", containsString("'max_tokens' is required"));
        given().contentType(ContentType.JSON).header("x-api-key", clientKey).body("{oops")
                .post("/v1/messages").then().statusCode(400)
                .body("error.message", containsString("not valid JSON"));
        BadRequestException sdk = assertThrows(BadRequestException.class, () -> client(clientKey).messages()
                .create(hello().addUserMessageOfContentBlockParams(List.of(ContentBlockParam.ofText("read this"),
                        ContentBlockParam.ofDocument(DocumentBlockParam.builder().base64Source("JVBERi0xLjQK").build())))
                        .build()));
        assertTrue(sdk.getMessage().contains("messages[1].content[1].source.type")
                && sdk.getMessage().contains("only text documents"), sdk.getMessage());
    }

    @Test
    void aServerToolIsLeftOutNamedInAHeaderAndTheRequestServed() {
        String body = given().contentType(ContentType.JSON).header("x-api-key", clientKey)
                .body("{\"model\":\"gpt-4o-mini\",\"max_tokens\":50,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],"
                        + "\"tools\":[{\"type\":\"web_search_20250305\",\"name\":\"web_search\"}]}")
                .post("/v1/messages").then().statusCode(200)
                .header(MessagesRoutes.DROPPED_TOOLS, "web_search (web_search_20250305)")
                .body("stop_reason", equalTo("end_turn"))
                .extract().asString();
        assertTrue(body.contains("\"type\":\"text\""), body);
    }

    @Test
    void anUnknownKeyIsAnAuthenticationError() {
        assertThrows(UnauthorizedException.class, () -> client("sk-not-a-sluice-key").messages().create(hello().build()));
    }

    @Test
    void everyKeyCoolingDownIsARateLimitErrorSayingWhenToComeBack() {
        QuotaEngine engine = Arc.container().instance(QuotaEngine.class).get();
        for (String key : List.of("sim-key-1", "sim-key-2")) {
            engine.cooldown(key, System.currentTimeMillis() + 30_000, "test: cooling").toCompletableFuture().join();
        }
        RateLimitException e = assertThrows(RateLimitException.class,
                () -> client(clientKey).messages().create(hello().build()));
        assertTrue(e.headers().values("retry-after").size() == 1, "says when to come back");
        given().contentType(ContentType.JSON).header("x-api-key", clientKey)
                .body("{\"model\":\"gpt-4o-mini\",\"max_tokens\":5,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}")
                .post("/v1/messages").then().statusCode(429)
                .body("error.type", equalTo("rate_limit_error"))
                .body("error.attempts.outcome", hasItem(containsString("cooling down")));
        assertEquals(0, upstreamCalls(), "no upstream call was made");
    }

    @Test
    void aStreamCutUpstreamEndsWithAnErrorEvent() {
        GatewayTestEnvironment.sim().setFaults(sluice.sim.Faults.defaults().withCompletionTokens(40)
                .withCutStreamRate(1.0));
        String body = given().contentType(ContentType.JSON).header("x-api-key", clientKey)
                .body("{\"model\":\"gpt-4o-mini\",\"max_tokens\":50,\"stream\":true,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .post("/v1/messages").then().statusCode(200).extract().asString();
        assertTrue(body.contains("event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"api_error\""), body);
        assertTrue(!body.contains("message_stop"), "a broken stream does not claim to have ended well: " + body);
    }

    @Test
    void countTokensGrowsWithThePromptAndModelsListInAnthropicsShape() {
        AnthropicClient client = client(clientKey);
        long small = client.messages().countTokens(MessageCountTokensParams.builder().model("gpt-4o-mini")
                .addUserMessage("hi").build()).inputTokens();
        long large = client.messages().countTokens(MessageCountTokensParams.builder().model("gpt-4o-mini")
                .addUserMessage("hi " + "the quick brown fox jumps over the lazy dog ".repeat(20)).build())
                .inputTokens();
        assertTrue(small > 0 && large > small + 150, small + " then " + large);
        List<String> ids = client.models().list().data().stream().map(m -> m.id()).toList();
        assertEquals(List.of("gpt-4o-mini", "gpt-4o"), ids);
    }

    /** Requests the simulator accepted since the last reset, over both keys. */
    private static long upstreamCalls() {
        return GatewayTestEnvironment.sim().stats().keys().values().stream().mapToLong(k -> k.accepted()).sum();
    }
}
