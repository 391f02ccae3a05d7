package sluice.bench.jmh;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import sluice.quota.TokenEstimator;

import java.util.ArrayList;
import java.util.List;

/**
 * Counting a prompt's tokens with the real tokenizer (quota-core {@link TokenEstimator}, jtokkit):
 * {@code countPrompt} as the gateway runs it, where a long text sent again (an agent's history)
 * is looked up by its digest; {@code countPromptFirstSeen} as every text costs the first time.
 */
@State(Scope.Benchmark)
public class TokenEstimationBench {
    @Param({"short", "english-16k", "arabic"})
    public String text;

    private final TokenEstimator estimator = new TokenEstimator();
    private final TokenEstimator uncached = new TokenEstimator(512, 0);
    private List<String> messages;

    @Setup
    public void setUp() {
        messages = new ArrayList<>();
        switch (text) {
            case "short" -> messages.add("hi");
            case "english-16k" -> {
                for (int i = 0; i < 14; i++) {
                    messages.add(Samples.paragraph(8));
                }
            }
            default -> messages.add(Samples.arabicText());
        }
        estimator.countPrompt("gpt-4o-mini", messages);
    }

    @Benchmark
    public long countPrompt() {
        return estimator.countPrompt("gpt-4o-mini", messages);
    }

    @Benchmark
    public long countPromptFirstSeen() {
        return uncached.countPrompt("gpt-4o-mini", messages);
    }
}
