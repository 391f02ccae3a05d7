package sluice.bench.jmh;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import sluice.router.anthropic.AnthropicStream;
import sluice.router.anthropic.AnthropicToOpenAi;
import sluice.router.anthropic.OpenAiToAnthropic;
import sluice.router.openai.ChatRequest;
import sluice.router.routing.UpstreamBody;
import sluice.router.upstream.SseEvents;

/**
 * What the Anthropic Messages API costs on top of Chat Completions: reading a Messages body
 * into the Chat Completions request (and encoding it for upstream, which an OpenAI client's
 * request skips), rendering a completion as a Messages answer, and rewriting a streamed answer
 * into Anthropic's events — each next to the same work for an OpenAI client.
 */
@State(Scope.Benchmark)
public class TranslationBench {
    @Param({"small", "agent"})
    public String body;

    private Buffer anthropicRaw;
    private Buffer completion;
    private Buffer stream;

    @Setup
    public void setUp() {
        anthropicRaw = "small".equals(body) ? Samples.smallAnthropicRequest() : Samples.agentAnthropicRequest();
        completion = Samples.answer(40);
        stream = Samples.stream(40);
    }

    /** Messages body → validated Chat Completions request → the bytes sent upstream. */
    @Benchmark
    public Buffer anthropicRequestToUpstreamBody() {
        ChatRequest request = AnthropicToOpenAi.parse(anthropicRaw);
        return UpstreamBody.of(request, request.model());
    }

    /** A 40-word completion as a Messages answer (OpenAI clients get the upstream bytes as they are). */
    @Benchmark
    public Buffer completionToMessage() {
        return OpenAiToAnthropic.message(new JsonObject(completion), "msg_1").toBuffer();
    }

    /** A 40-chunk stream rewritten into Anthropic's events. */
    @Benchmark
    public Buffer streamToAnthropicEvents() {
        SseEvents events = new SseEvents(false, new AnthropicStream("msg_1", 12));
        events.feed(stream.copy());
        return events.take();
    }

    /** The same stream relayed to an OpenAI client: split, usage read, passed on. */
    @Benchmark
    public Buffer streamPassedThrough() {
        SseEvents events = new SseEvents(false);
        events.feed(stream.copy());
        return events.take();
    }
}
