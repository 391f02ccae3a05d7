package sluice.bench.jmh;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import sluice.router.upstream.SseEvents;
import sluice.router.upstream.Usage;
import sluice.router.upstream.UsageScan;

/**
 * Reading the provider's usage from an answer: {@link UsageScan} over the bytes (what the gateway
 * does) against a Jackson tree of the whole answer (what it did before, kept as the baseline);
 * and {@link SseEvents} splitting a streamed answer into events, dropping the usage-only chunk
 * and reading its usage.
 */
@State(Scope.Benchmark)
public class UsageExtractionBench {
    @Param({"16", "400"})
    public int words;

    private Buffer answer;
    private Buffer stream;

    @Setup
    public void setUp() {
        answer = Samples.answer(words);
        stream = Samples.stream(words);
    }

    @Benchmark
    public Usage answerByteScan() {
        return UsageScan.of(answer).usage();
    }

    @Benchmark
    public Usage answerJacksonTree() {
        JsonObject usage = new JsonObject(answer).getJsonObject("usage");
        return new Usage(usage.getLong("prompt_tokens"), usage.getLong("completion_tokens"));
    }

    /** The whole stream arriving in one read (the simulator at zero latency). */
    @Benchmark
    public Buffer streamOneRead() {
        SseEvents events = new SseEvents(false);
        events.feed(stream);
        events.end();
        return events.take();
    }
}
