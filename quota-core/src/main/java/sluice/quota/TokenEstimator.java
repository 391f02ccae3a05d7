package sluice.quota;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Estimates the tokens a request will use, before the call, for the reservation. Prompts are
 * counted by a real tokenizer (jtokkit: o200k_base, cl100k_base for the GPT-3.5/GPT-4 family)
 * and multiplied by a per-model correction learnt from what providers report, so a provider
 * whose tokenizer differs (or that counts Arabic or CJK text differently) is not under-counted.
 * Completions are reserved from a learnt per-model estimate capped by {@code max_tokens}, never
 * {@code max_tokens} itself (see the module README for the over/under-reservation bounds).
 * Thread-safe.
 */
public final class TokenEstimator {
    /** Tokens added per message for role and framing, as in OpenAI's own counting. */
    static final int PER_MESSAGE_OVERHEAD = 4;
    static final int PER_REQUEST_OVERHEAD = 3;
    /** Beyond this many distinct model names, new names share one calibration (names come from clients). */
    static final int MAX_MODELS = 1000;
    private static final String OTHER_MODELS = "\u0000other";

    /** Long texts whose counts are remembered by default (each ≈ 100 bytes of heap). */
    static final int DEFAULT_CACHED_COUNTS = 50_000;

    private final Encoding o200k;
    private final Encoding cl100k;
    private final long defaultCompletionTokens;
    private final TokenCountCache counts;
    private final ConcurrentHashMap<String, ModelCalibration> models = new ConcurrentHashMap<>();

    /** @param defaultCompletionTokens the completion estimate until a model has reported usage */
    public TokenEstimator(long defaultCompletionTokens) {
        this(defaultCompletionTokens, DEFAULT_CACHED_COUNTS);
    }

    /**
     * @param defaultCompletionTokens the completion estimate until a model has reported usage
     * @param cachedCounts            how many long texts' counts to remember (see {@link TokenCountCache}); 0: none
     */
    public TokenEstimator(long defaultCompletionTokens, int cachedCounts) {
        EncodingRegistry registry = Encodings.newLazyEncodingRegistry();
        this.o200k = registry.getEncoding(EncodingType.O200K_BASE);
        this.cl100k = registry.getEncoding(EncodingType.CL100K_BASE);
        this.defaultCompletionTokens = defaultCompletionTokens;
        this.counts = new TokenCountCache(cachedCounts);
    }

    /** Starts every model at 512 completion tokens. */
    public TokenEstimator() {
        this(512);
    }

    /**
     * Raw tokenizer count of the prompt: the messages' texts plus per-message framing. A long
     * text counted before (an agent's history and tools, sent again each turn) is not counted
     * again ({@link TokenCountCache}).
     */
    public long countPrompt(String model, List<String> messageTexts) {
        Encoding encoding = encodingFor(model);
        long tokens = PER_REQUEST_OVERHEAD;
        for (String text : messageTexts) {
            tokens += PER_MESSAGE_OVERHEAD
                    + (text == null ? 0 : counts.count(encoding.getName(), text, encoding::countTokensOrdinary));
        }
        return tokens;
    }

    /** How many long texts' counts are remembered now (for tests and metrics). */
    public int cachedCounts() {
        return counts.size();
    }

    /** The prompt tokens to reserve for one text (a single message). */
    public long estimatePrompt(String model, String text) {
        return estimatePrompt(model, List.of(text == null ? "" : text));
    }

    /** The prompt tokens to reserve: the raw count times the model's learnt correction. */
    public long estimatePrompt(String model, List<String> messageTexts) {
        return correct(model, countPrompt(model, messageTexts));
    }

    /** Applies the model's correction factor to a raw count. */
    public long correct(String model, long countedPrompt) {
        return (long) Math.ceil(countedPrompt * calibration(model).promptFactor());
    }

    /**
     * The completion tokens to reserve: the model's learnt upper estimate, capped by
     * {@code maxTokens} when the client set one.
     */
    public long estimateCompletion(String model, Integer maxTokens) {
        long learnt = calibration(model).completionEstimate();
        return maxTokens == null || maxTokens <= 0 ? learnt : Math.min(learnt, maxTokens);
    }

    /**
     * The whole reservation for one call.
     *
     * @param reserveMaxTokens the provider charges {@code max_tokens} at arrival: reserve it
     *                         whole (when the client set it) instead of the estimate
     */
    public long estimateReservation(String model, long promptTokens, Integer maxTokens, boolean reserveMaxTokens) {
        if (reserveMaxTokens && maxTokens != null && maxTokens > 0) {
            return promptTokens + maxTokens;
        }
        return promptTokens + estimateCompletion(model, maxTokens);
    }

    /**
     * Learns from the usage a provider reported for a call.
     *
     * @param countedPrompt      this estimator's raw count for that prompt ({@link #countPrompt})
     * @param reportedPrompt     the provider's prompt tokens
     * @param reportedCompletion the provider's completion tokens
     */
    public void learn(String model, long countedPrompt, long reportedPrompt, long reportedCompletion) {
        calibration(model).learn(countedPrompt, reportedPrompt, reportedCompletion);
    }

    /** The current prompt correction factor of a model (1.0 until it has reported usage). */
    public double promptFactor(String model) {
        return calibration(model).promptFactor();
    }

    private ModelCalibration calibration(String model) {
        String name = model == null ? "" : model;
        ModelCalibration known = models.get(name);
        if (known != null) {
            return known;
        }
        String slot = models.size() >= MAX_MODELS ? OTHER_MODELS : name;
        return models.computeIfAbsent(slot, n -> new ModelCalibration(defaultCompletionTokens));
    }

    private Encoding encodingFor(String model) {
        String name = model == null ? "" : model.toLowerCase(Locale.ROOT);
        boolean legacyGpt = name.startsWith("gpt-3.5") || name.equals("gpt-4") || name.startsWith("gpt-4-");
        return legacyGpt ? cl100k : o200k;
    }
}
