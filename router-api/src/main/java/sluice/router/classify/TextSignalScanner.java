package sluice.router.classify;

import java.util.List;

/**
 * Finds lexicon keywords in a text: folds it once ({@link NormalizedText}), then walks the keyword
 * trie from every word start, so the cost is linear in the text and no regex runs. English keywords
 * match whole words (a plural 's' allowed); Arabic keywords also match behind a proclitic
 * (ال، و، ب، ل، ف، ك and their combinations) and before a pronoun or plural suffix. A keyword counts
 * once per text.
 */
final class TextSignalScanner {

    /** Code shapes (see {@link NormalizedText}) needed before a text counts as code-shaped. */
    static final int CODE_SHAPES_MIN = 3;
    /** Math shapes (see {@link NormalizedText}) needed before a text counts as math. */
    static final int MATH_SHAPES_MIN = 2;

    private static final char[][] PROCLITICS = folded(
            "وبال", "وال", "بال", "فال", "كال", "ولل", "لل", "ال", "وب", "ول", "و", "ف", "ب", "ل", "ك");
    private static final char[][] SUFFIXES = folded(
            "ها", "هم", "هن", "ي", "ك", "كم", "نا", "ات", "ين", "ون", "ان", "ا", "وا", "يه");

    private final List<SignalLexicon.Entry> entries;
    private final KeywordTrie trie;

    TextSignalScanner(List<SignalLexicon.Entry> entries) {
        this.entries = entries;
        this.trie = KeywordTrie.of(entries);
    }

    /**
     * Adds the keyword weights of at most {@code maxChars} characters of the text (head and tail),
     * times {@code multiplier}, to {@code scores}.
     */
    void scan(String text, int maxChars, int multiplier, SignalScores scores) {
        new Pass(NormalizedText.of(text, maxChars), multiplier, scores).run();
    }

    /** One scan of one text. */
    private final class Pass {
        private final NormalizedText text;
        private final int multiplier;
        private final SignalScores scores;
        private final long[] seen = new long[(entries.size() + 63) >>> 6];

        Pass(NormalizedText text, int multiplier, SignalScores scores) {
            this.text = text;
            this.multiplier = multiplier;
            this.scores = scores;
        }

        void run() {
            if (text.codeFences > 0) {
                record(SignalLexicon.CODE_FENCE);
            }
            if (text.codeShapes >= CODE_SHAPES_MIN) {
                record(SignalLexicon.CODE_SYNTAX);
            }
            if (text.mathShapes >= MATH_SHAPES_MIN) {
                record(SignalLexicon.MATH_NOTATION);
            }
            char[] chars = text.chars;
            for (int i = 0; i < text.length; i++) {
                if (chars[i] == ' ' || (i > 0 && chars[i - 1] != ' ')) {
                    continue;
                }
                matchFrom(i);
                if (NormalizedText.isArabicLetter(chars[i])) {
                    matchBehindProclitics(i);
                }
            }
        }

        private void matchBehindProclitics(int wordStart) {
            int wordEnd = wordEnd(wordStart);
            for (char[] proclitic : PROCLITICS) {
                if (wordEnd - wordStart - proclitic.length >= 2 && startsWith(wordStart, proclitic)) {
                    matchFrom(wordStart + proclitic.length);
                }
            }
        }

        private void matchFrom(int start) {
            KeywordTrie.Node node = trie.root();
            char[] chars = text.chars;
            for (int i = start; i < text.length; i++) {
                node = node.child(chars[i]);
                if (node == null) {
                    return;
                }
                if (node.stemKeyword >= 0) {
                    record(node.stemKeyword);
                }
                if (node.wholeWordKeyword >= 0 && endsWord(i + 1)) {
                    record(node.wholeWordKeyword);
                }
            }
        }

        /** True when a keyword ending just before {@code at} ends the word, maybe with a suffix. */
        private boolean endsWord(int at) {
            if (at == text.length || text.chars[at] == ' ') {
                return true;
            }
            int wordEnd = wordEnd(at);
            char last = text.chars[at - 1];
            if (!NormalizedText.isArabicLetter(last)) {
                return wordEnd - at == 1 && text.chars[at] == 's' && last >= 'a' && last <= 'z';
            }
            for (char[] suffix : SUFFIXES) {
                if (suffix.length == wordEnd - at && startsWith(at, suffix)) {
                    return true;
                }
            }
            return false;
        }

        private int wordEnd(int from) {
            int end = from;
            while (end < text.length && text.chars[end] != ' ') {
                end++;
            }
            return end;
        }

        private boolean startsWith(int at, char[] prefix) {
            if (at + prefix.length > text.length) {
                return false;
            }
            for (int k = 0; k < prefix.length; k++) {
                if (text.chars[at + k] != prefix[k]) {
                    return false;
                }
            }
            return true;
        }

        private void record(int keyword) {
            long bit = 1L << (keyword & 63);
            if ((seen[keyword >>> 6] & bit) == 0) {
                seen[keyword >>> 6] |= bit;
                scores.add(entries.get(keyword), multiplier);
            }
        }
    }

    private static char[][] folded(String... words) {
        char[][] result = new char[words.length][];
        for (int i = 0; i < words.length; i++) {
            result[i] = words[i].toCharArray();
        }
        return result;
    }
}
