package sluice.sim;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts tokens with o200k_base (jtokkit) and prices a chat prompt the way OpenAI's cookbook
 * does: {@value #TOKENS_PER_MESSAGE} tokens of framing per message plus the tokens of its
 * texts, plus {@value #REPLY_PRIMING} tokens priming the reply, plus the tokens of each tool
 * definition's text. Roles and names are not counted. Counts of recent texts are cached, since
 * clients repeat the same prompts.
 */
final class TokenCounter {

    /** Framing tokens per message (role markers, separators). */
    static final int TOKENS_PER_MESSAGE = 3;
    /** Tokens priming the assistant's reply. */
    static final int REPLY_PRIMING = 3;

    private static final int MAX_CACHED_TEXTS = 10_000;
    private static final int MAX_CACHED_TEXT_LENGTH = 64 * 1024;

    private final ConcurrentHashMap<String, Integer> cache = new ConcurrentHashMap<>();

    /** @return the shared o200k_base encoding (loaded once per class loader) */
    static Encoding encoding() {
        return EncodingHolder.O200K_BASE;
    }

    /** @return the o200k_base token count of {@code text} */
    int count(String text) {
        if (text.isEmpty()) {
            return 0;
        }
        if (text.length() > MAX_CACHED_TEXT_LENGTH) {
            return encoding().countTokens(text);
        }
        Integer cached = cache.get(text);
        if (cached != null) {
            return cached;
        }
        int tokens = encoding().countTokens(text);
        if (cache.size() >= MAX_CACHED_TEXTS) {
            cache.clear();
        }
        cache.put(text, tokens);
        return tokens;
    }

    /**
     * @param messages the texts of each message, in order
     * @return the prompt tokens of a chat request holding these messages and no tools
     */
    int promptTokens(List<List<String>> messages) {
        int total = REPLY_PRIMING;
        for (List<String> parts : messages) {
            total += TOKENS_PER_MESSAGE;
            for (String part : parts) {
                total += count(part);
            }
        }
        return total;
    }

    /**
     * @param messages the texts of each message, in order
     * @param toolDefinitions the text of each tool definition, priced without framing
     * @return the prompt tokens of a chat request holding these messages and tools
     */
    int promptTokens(List<List<String>> messages, List<String> toolDefinitions) {
        int total = promptTokens(messages);
        for (String definition : toolDefinitions) {
            total += count(definition);
        }
        return total;
    }

    private static final class EncodingHolder {
        static final Encoding O200K_BASE = Encodings.newLazyEncodingRegistry()
                .getEncoding(EncodingType.O200K_BASE);
    }
}
