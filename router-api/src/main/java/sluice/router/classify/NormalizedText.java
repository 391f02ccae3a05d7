package sluice.router.classify;

/**
 * Text folded for keyword matching in one pass: lowercase, Arabic diacritics and tatweel removed,
 * letter variants unified (أ إ آ ٱ → ا, ى → ي, ة → ه), every run of separators one space. Word
 * characters are letters, digits, '+', '#' and '_' (so {@code c++} and {@code c#} stay words);
 * apostrophes vanish ({@code today's} → {@code todays}). Code fences and code punctuation
 * ({@code { } ;}) are counted on the way because they are code signals themselves.
 *
 * <p>Long texts are cut to their head and tail: the question usually opens or closes a pasted
 * document, and anything longer than the long-context threshold never reaches the text rules.
 */
final class NormalizedText {

    static final int HEAD_CHARS = 6_000;
    static final int TAIL_CHARS = 6_000;

    final char[] chars;
    final int length;
    final int codeFences;
    final int codePunctuation;

    private NormalizedText(char[] chars, int length, int codeFences, int codePunctuation) {
        this.chars = chars;
        this.length = length;
        this.codeFences = codeFences;
        this.codePunctuation = codePunctuation;
    }

    static NormalizedText of(String text) {
        Folder folder = new Folder(Math.min(text.length(), HEAD_CHARS + TAIL_CHARS) + 1);
        if (text.length() <= HEAD_CHARS + TAIL_CHARS) {
            folder.fold(text, 0, text.length());
        } else {
            folder.fold(text, 0, HEAD_CHARS);
            folder.separator();
            folder.fold(text, text.length() - TAIL_CHARS, text.length());
        }
        return new NormalizedText(folder.out, folder.length, folder.fences, folder.punctuation);
    }

    /** Normalizes a keyword the same way as the text it will be matched against. */
    static String fold(String keyword) {
        NormalizedText normalized = of(keyword);
        return new String(normalized.chars, 0, normalized.length);
    }

    static boolean isArabicLetter(char c) {
        return c >= '\u0620' && c <= '\u064A';
    }

    /** The one-pass folding state. */
    private static final class Folder {
        private final char[] out;
        private int length;
        private boolean pendingSpace;
        private int backticks;
        private int fences;
        private int punctuation;

        Folder(int capacity) {
            out = new char[capacity];
        }

        void fold(String text, int from, int to) {
            for (int i = from; i < to; i++) {
                char c = text.charAt(i);
                backticks = c == '`' ? backticks + 1 : 0;
                if (backticks == 3) {
                    fences++;
                }
                if (isIgnorable(c)) {
                    continue;
                }
                char folded = foldChar(c);
                if (isWordChar(folded)) {
                    append(folded);
                } else {
                    if (c == '{' || c == '}' || c == ';') {
                        punctuation++;
                    }
                    separator();
                }
            }
        }

        void separator() {
            pendingSpace = true;
        }

        private void append(char c) {
            if (pendingSpace && length > 0) {
                out[length++] = ' ';
            }
            pendingSpace = false;
            out[length++] = c;
        }
    }

    /** Diacritics (tashkeel, Quranic marks), tatweel, apostrophes and invisible direction marks. */
    private static boolean isIgnorable(char c) {
        return (c >= '\u064B' && c <= '\u065F') || c == '\u0670' || c == '\u0640'
                || (c >= '\u0610' && c <= '\u061A') || (c >= '\u06D6' && c <= '\u06ED')
                || c == '\'' || c == '\u2019' || c == '\u2018'
                || (c >= '\u200B' && c <= '\u200F');
    }

    private static char foldChar(char c) {
        if (c < 0x80) {
            return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
        return switch (c) {
            case '\u0623', '\u0625', '\u0622', '\u0671' -> '\u0627'; // أ إ آ ٱ -> ا
            case '\u0649', '\u06CC' -> '\u064A'; // ى ی -> ي
            case '\u0629' -> '\u0647'; // ة -> ه
            case '\u06A9' -> '\u0643'; // ک -> ك
            default -> Character.toLowerCase(c);
        };
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '+' || c == '#' || c == '_';
    }
}
