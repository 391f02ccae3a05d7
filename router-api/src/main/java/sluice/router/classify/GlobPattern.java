package sluice.router.classify;

import java.util.Locale;

/**
 * A case-insensitive model-name glob: '*' matches any run of characters, '?' exactly one.
 * Matching is the classic two-pointer wildcard walk: no regex, no allocation.
 */
final class GlobPattern {

    private final String pattern;
    private final int literalChars;

    GlobPattern(String pattern) {
        this.pattern = pattern.toLowerCase(Locale.ROOT);
        int literals = 0;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            literals += c == '*' || c == '?' ? 0 : 1;
        }
        this.literalChars = literals;
    }

    static boolean isGlob(String pattern) {
        return pattern.indexOf('*') >= 0 || pattern.indexOf('?') >= 0;
    }

    /** How specific the pattern is: more literal characters win when several globs match. */
    int literalChars() {
        return literalChars;
    }

    String pattern() {
        return pattern;
    }

    boolean matches(String text) {
        int p = 0;
        int t = 0;
        int starAt = -1;
        int textAtStar = 0;
        while (t < text.length()) {
            char c = Character.toLowerCase(text.charAt(t));
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == c)) {
                p++;
                t++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                starAt = p++;
                textAtStar = t;
            } else if (starAt >= 0) {
                p = starAt + 1;
                t = ++textAtStar;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }
}
