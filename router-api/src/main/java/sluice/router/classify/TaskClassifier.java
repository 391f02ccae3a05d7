package sluice.router.classify;

import java.util.List;

/**
 * Decides a request's {@link TaskClass}: request features first, because they are facts
 * (an enabled thinking parameter, the prompt's size, a web-search tool, image parts, tools), then
 * Arabic and English text signals from the last user messages and the system text. A
 * {@code provider/model} the client named wins the route, but the class is still computed so
 * headers and metrics stay meaningful.
 *
 * <p>Thread-safe and allocation-light: one folded copy of each text, one trie walk per word.
 */
public final class TaskClassifier {

    /** Prompts longer than this many tokens go to the long-context route unless configured otherwise. */
    public static final int DEFAULT_LONG_CONTEXT_TOKENS = 32_000;

    /**
     * Score a text class needs: one weight-2 keyword in the last user message (counted twice), or
     * weight-4 worth in earlier messages and the system text (counted once).
     */
    static final int TEXT_THRESHOLD = 4;
    static final int LAST_MESSAGE_MULTIPLIER = 2;
    /** Characters read from the last user message (head and tail halves), bounding the cost per request. */
    static final int LAST_MESSAGE_CHARS = 12_000;
    /** Characters read from each earlier user message and from the system text. */
    static final int OTHER_TEXT_CHARS = 4_000;

    /** Ties go to the more specific class: code answers need code models most. */
    private static final TaskClass[] TEXT_CLASSES_BY_PRIORITY = {
        TaskClass.CODE, TaskClass.IMAGE, TaskClass.SEARCH, TaskClass.THINKING
    };
    private static final TextSignalScanner SCANNER = new TextSignalScanner(SignalLexicon.entries());

    private final int longContextTokens;

    public TaskClassifier() {
        this(DEFAULT_LONG_CONTEXT_TOKENS);
    }

    /**
     * @param longContextTokens prompts with more tokens than this are {@link TaskClass#LONG_CONTEXT}
     * @throws IllegalArgumentException when the threshold is not positive
     */
    public TaskClassifier(int longContextTokens) {
        if (longContextTokens <= 0) {
            throw new IllegalArgumentException("long-context threshold must be > 0 tokens, was " + longContextTokens);
        }
        this.longContextTokens = longContextTokens;
    }

    public int longContextTokens() {
        return longContextTokens;
    }

    /** Classifies one request; never throws for any well-formed {@link ClassifierInput}. */
    public Classification classify(ClassifierInput input) {
        Classification byRequest = classifyByFeatures(input);
        if (byRequest == null) {
            byRequest = classifyByText(input);
        }
        RouteTarget explicit = input.explicitModel() == null
                ? null
                : RouteTarget.tryParse(input.explicitModel()).orElse(null);
        if (explicit == null) {
            return byRequest;
        }
        return new Classification(byRequest.taskClass(),
                "explicit model " + explicit + "; " + byRequest.reason(), explicit);
    }

    private Classification classifyByFeatures(ClassifierInput input) {
        if (input.hasThinkingParam()) {
            return Classification.of(TaskClass.THINKING, "feature: thinking parameter");
        }
        if (input.promptTokens() > longContextTokens) {
            return Classification.of(TaskClass.LONG_CONTEXT,
                    "feature: " + input.promptTokens() + " prompt tokens > " + longContextTokens);
        }
        if (input.hasWebSearchTool()) {
            return Classification.of(TaskClass.SEARCH, "feature: web search tool");
        }
        if (input.hasImageParts()) {
            return Classification.of(TaskClass.IMAGE, "feature: image parts");
        }
        if (input.hasTools()) {
            return Classification.of(TaskClass.AGENT, "feature: tools present");
        }
        return null;
    }

    private Classification classifyByText(ClassifierInput input) {
        SignalScores scores = new SignalScores();
        List<String> userTexts = input.userTexts();
        int last = userTexts.size() - 1;
        for (int i = 0; i < last; i++) {
            SCANNER.scan(userTexts.get(i), OTHER_TEXT_CHARS, 1, scores);
        }
        if (last >= 0) {
            SCANNER.scan(userTexts.get(last), LAST_MESSAGE_CHARS, LAST_MESSAGE_MULTIPLIER, scores);
        }
        if (input.systemText() != null) {
            SCANNER.scan(input.systemText(), OTHER_TEXT_CHARS, 1, scores);
        }
        TaskClass strongest = scores.strongest(TEXT_CLASSES_BY_PRIORITY, TEXT_THRESHOLD);
        if (strongest == null) {
            return Classification.of(TaskClass.GENERAL, "text: no class signal");
        }
        return Classification.of(strongest, "text: " + strongest.headerName() + " signals ("
                + String.join(", ", scores.labels(strongest)) + ")");
    }
}
