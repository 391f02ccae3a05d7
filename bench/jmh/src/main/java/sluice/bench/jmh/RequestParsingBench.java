package sluice.bench.jmh;

import io.vertx.core.buffer.Buffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import sluice.router.openai.ChatRequest;
import sluice.router.openai.ChatRequestParser;
import sluice.router.routing.UpstreamBody;

/**
 * Reading a client's OpenAI Chat Completions body ({@link ChatRequestParser}: JSON tree plus
 * validation plus message texts) and making the body sent upstream ({@link UpstreamBody}: the
 * client's bytes as they came, or re-encoded when the route renames the model).
 */
@State(Scope.Benchmark)
public class RequestParsingBench {
    @Param({"small", "agent"})
    public String body;

    private Buffer raw;
    private ChatRequest parsed;

    @Setup
    public void setUp() {
        raw = "small".equals(body) ? Samples.smallRequest() : Samples.agentRequest();
        parsed = ChatRequestParser.parse(raw);
    }

    @Benchmark
    public ChatRequest parse() {
        return ChatRequestParser.parse(raw);
    }

    @Benchmark
    public Buffer upstreamBodySameModel() {
        return UpstreamBody.of(parsed, parsed.model());
    }

    @Benchmark
    public Buffer upstreamBodyRenamedModel() {
        return UpstreamBody.of(parsed, "deepseek-chat");
    }
}
