package sluice.bench.jmh;

import io.vertx.core.json.JsonObject;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import sluice.router.classify.Classification;
import sluice.router.classify.ClassifierInput;
import sluice.router.classify.TaskClassifier;

/**
 * Classifying a request's task ({@link TaskClassifier}): reading the features of the parsed body
 * ({@link ClassifierInput#fromOpenAi}) and the Arabic/English text signals.
 */
@State(Scope.Benchmark)
public class ClassificationBench {
    @Param({"small", "agent", "arabic"})
    public String body;

    private JsonObject parsed;
    private final TaskClassifier classifier = new TaskClassifier();

    @Setup
    public void setUp() {
        parsed = switch (body) {
            case "small" -> Samples.smallRequest().toJsonObject();
            case "agent" -> Samples.agentRequest().toJsonObject();
            default -> new JsonObject().put("model", "gpt-4o-mini").put("messages", new io.vertx.core.json.JsonArray()
                    .add(new JsonObject().put("role", "user").put("content", Samples.arabicText())));
        };
    }

    @Benchmark
    public Classification classify() {
        return classifier.classify(ClassifierInput.fromOpenAi(parsed, 1_000));
    }
}
