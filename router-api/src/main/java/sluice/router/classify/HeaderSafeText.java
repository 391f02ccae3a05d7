package sluice.router.classify;

import java.nio.charset.StandardCharsets;

/**
 * Makes free text safe for an HTTP header value: HTTP/1.1 headers carry ISO-8859-1 at best, so
 * Arabic keywords would be mangled, and a client-chosen model name must never inject CR/LF.
 * Non-ASCII, control characters and '%' are percent-encoded as UTF-8 (as in RFC 8187).
 */
public final class HeaderSafeText {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private HeaderSafeText() {
    }

    public static String of(String text) {
        if (isPlainAscii(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() * 2);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int unsigned = b & 0xFF;
            if (isSafe(unsigned)) {
                out.append((char) unsigned);
            } else {
                out.append('%').append(HEX[unsigned >> 4]).append(HEX[unsigned & 0xF]);
            }
        }
        return out.toString();
    }

    private static boolean isPlainAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!isSafe(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSafe(int c) {
        return c >= 0x20 && c < 0x7F && c != '%';
    }
}
