package sluice.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Deterministic filler completions: common English words, cycled, each exactly one o200k_base
 * token with or without its leading space, so n words joined by spaces are exactly n tokens.
 * Texts and their stream pieces are cached per length.
 */
final class CompletionText {

    private static final String[] CANDIDATE_WORDS = {
        "the", "river", "stone", "light", "water", "green", "field", "morning", "house", "small",
        "road", "city", "north", "cloud", "bright", "garden", "window", "table", "paper", "music",
        "story", "happy", "simple", "open", "early", "letter", "market", "summer", "winter",
        "forest", "silver", "quiet",
    };
    private static final String[] WORDS = singleTokenWords();
    private static final int MAX_CACHED_LENGTHS = 1_024;

    private final int tokensPerPiece;
    private final ConcurrentHashMap<Integer, Completion> cache = new ConcurrentHashMap<>();

    /**
     * A completion of a given length.
     *
     * @param text the whole text
     * @param pieces the text cut into stream pieces; they concatenate to {@code text}
     * @param pieceTokens tokens in each piece
     */
    record Completion(String text, List<String> pieces, int[] pieceTokens) {
    }

    /** @param tokensPerPiece tokens per stream piece (the last piece may hold fewer) */
    CompletionText(int tokensPerPiece) {
        this.tokensPerPiece = tokensPerPiece;
    }

    /** @return a completion of exactly {@code tokens} o200k_base tokens */
    Completion ofLength(int tokens) {
        Completion cached = cache.get(tokens);
        if (cached != null) {
            return cached;
        }
        Completion built = build(tokens);
        if (cache.size() < MAX_CACHED_LENGTHS) {
            cache.put(tokens, built);
        }
        return built;
    }

    private Completion build(int tokens) {
        StringBuilder text = new StringBuilder(tokens * 7);
        List<String> pieces = new ArrayList<>(tokens / tokensPerPiece + 1);
        int[] pieceTokens = new int[(tokens + tokensPerPiece - 1) / tokensPerPiece];
        StringBuilder piece = new StringBuilder();
        for (int i = 0; i < tokens; i++) {
            if (i > 0) {
                piece.append(' ');
            }
            piece.append(WORDS[i % WORDS.length]);
            if ((i + 1) % tokensPerPiece == 0 || i == tokens - 1) {
                pieceTokens[pieces.size()] = i % tokensPerPiece + 1;
                pieces.add(piece.toString());
                text.append(piece);
                piece.setLength(0);
            }
        }
        return new Completion(text.toString(), List.copyOf(pieces), pieceTokens);
    }

    /** Keeps the candidates that are one token both alone and after a space. */
    private static String[] singleTokenWords() {
        List<String> words = new ArrayList<>();
        for (String word : CANDIDATE_WORDS) {
            if (TokenCounter.encoding().countTokens(word) == 1
                    && TokenCounter.encoding().countTokens(" " + word) == 1) {
                words.add(word);
            }
        }
        if (words.size() < 8) {
            throw new IllegalStateException("too few single-token filler words: " + words);
        }
        return words.toArray(String[]::new);
    }
}
