package sluice.router.classify;

/**
 * Text folded for keyword matching in one pass: lowercase, Arabic diacritics and tatweel removed,
 * letter variants unified (أ إ آ ٱ → ا, ى → ي, ة → ه), every run of separators one space. Word
 * characters are letters, digits, '+', '#' and '_' (so {@code c++} and {@code c#} stay words);
 * apostrophes vanish ({@code today's} → {@code todays}). Code fences and code shapes are counted on
 * the way because they are code signals themselves: {@code { } ;}, calls and indexing
 * ({@code len(}, {@code arr[}) and operators ({@code += == != => -> :: && ||}); and math
 * notation: powers ({@code x^2}), {@code ²³√∑∫π≤≥≠∞}, and {@code =} followed by a number.
 *
 * <p>Long texts are cut to a character budget, half from the head and half from the tail: the
 * question usually opens or closes a pasted document, and anything longer than the long-context
 * threshold never reaches the text rules.
 */
final class NormalizedText {

    private static final String MATH_SYMBOLS = "²³√∑∫π≤≥≠∞";

    final char[] chars;
    final int length;
    final int codeFences;
    final int codeShapes;
    final int mathShapes;

    private NormalizedText(char[] chars, int length, int codeFences, int codeShapes, int mathShapes) {
        this.chars = chars;
        this.length = length;
        this.codeFences = codeFences;
        this.codeShapes = codeShapes;
        this.mathShapes = mathShapes;
    }

    /** Folds at most {@code maxChars} characters: the first half and the last half of a longer text. */
    static NormalizedText of(String text, int maxChars) {
        Folder folder = new Folder(Math.min(text.length(), maxChars) + 1);
        if (text.length() <= maxChars) {
            folder.fold(text, 0, text.length());
        } else {
            int head = maxChars / 2;
            folder.fold(text, 0, head);
            folder.separator();
            folder.fold(text, text.length() - (maxChars - head), text.length());
        }
        return new NormalizedText(folder.out, folder.length, folder.fences, folder.codeShapes, folder.mathShapes);
    }

    /** Normalizes a keyword the same way as the text it will be matched against. */
    static String fold(String keyword) {
        NormalizedText normalized = of(keyword, keyword.length());
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
        private int codeShapes;
        private int mathShapes;
        private boolean afterEquals;
        private char previous;

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
                if (c < 0x80) {
                    foldAscii(c);
                } else if (!isIgnorable(c)) {
                    foldOther(c);
                }
            }
        }

        private void foldAscii(char c) {
            if (c == '\'') {
                return;
            }
            if (isCodeShape(previous, c)) {
                codeShapes++;
            }
            countMathShape(c);
            previous = c;
            char lower = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
            if ((lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9')
                    || lower == '+' || lower == '#' || lower == '_') {
                append(lower);
            } else {
                pendingSpace = true;
            }
        }

        private void foldOther(char c) {
            countMathShape(c);
            previous = c;
            char folded = foldChar(c);
            if (Character.isLetterOrDigit(folded)) {
                append(folded);
            } else {
                pendingSpace = true;
            }
        }

        /** Powers, math symbols, and '=' whose right side is a number ("= 11", "= -1/12"). */
        private void countMathShape(char c) {
            if (afterEquals && c != ' ' && c != '-') {
                boolean number = (c >= '0' && c <= '9') || (c >= '\u0660' && c <= '\u0669');
                mathShapes += number ? 1 : 0;
                afterEquals = false;
            }
            if (c == '=') {
                afterEquals = previous != '=' && previous != '!' && previous != '<' && previous != '>';
            } else if ((c == '^' && Character.isLetterOrDigit(previous))
                    || (c >= '\u00B2' && MATH_SYMBOLS.indexOf(c) >= 0)) {
                mathShapes++;
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

    /** A character that, after {@code previous}, looks like code rather than prose. */
    private static boolean isCodeShape(char previous, char c) {
        return switch (c) {
            case '{', '}', ';' -> true;
            case '(', '[' -> (previous >= 'a' && previous <= 'z') || (previous >= 'A' && previous <= 'Z')
                    || previous == '_';
            case '=' -> previous == '=' || previous == '+' || previous == '-' || previous == '!' || previous == '*';
            case '>' -> previous == '=' || previous == '-';
            case ':' -> previous == ':';
            case '&', '|' -> previous == c;
            default -> false;
        };
    }

    /** Diacritics (tashkeel, Quranic marks), tatweel, curly apostrophes and invisible direction marks. */
    private static boolean isIgnorable(char c) {
        return (c >= '\u064B' && c <= '\u065F') || c == '\u0670' || c == '\u0640'
                || (c >= '\u0610' && c <= '\u061A') || (c >= '\u06D6' && c <= '\u06ED')
                || c == '\u2019' || c == '\u2018'
                || (c >= '\u200B' && c <= '\u200F');
    }

    private static char foldChar(char c) {
        return switch (c) {
            case '\u0623', '\u0625', '\u0622', '\u0671' -> '\u0627'; // أ إ آ ٱ -> ا
            case '\u0649', '\u06CC' -> '\u064A'; // ى ی -> ي
            case '\u0629' -> '\u0647'; // ة -> ه
            case '\u06A9' -> '\u0643'; // ک -> ك
            default -> Character.toLowerCase(c);
        };
    }
}
