package sluice.router.upstream;

import io.vertx.core.buffer.Buffer;

import java.nio.charset.StandardCharsets;

/**
 * Reads the top-level {@code usage} object (and whether {@code choices} holds anything) of an
 * OpenAI JSON answer by walking its bytes once, without building a JSON tree or a String of the
 * body: on the hot path every answer is scanned, and only two numbers are wanted from it.
 * Strings (escapes included) and nested values are skipped by their syntax, so a "usage" inside
 * a message's text or a nested object is never mistaken for the answer's own.
 *
 * @param usage          the reported usage, or null when absent or malformed
 * @param choicesPresent whether a top-level {@code choices} array with at least one element is there
 */
public record UsageScan(Usage usage, boolean choicesPresent) {
    private static final byte[] USAGE = bytes("usage");
    private static final byte[] CHOICES = bytes("choices");
    private static final byte[] PROMPT_TOKENS = bytes("prompt_tokens");
    private static final byte[] COMPLETION_TOKENS = bytes("completion_tokens");
    private static final UsageScan NOTHING = new UsageScan(null, false);

    /** Scans the whole buffer. */
    public static UsageScan of(Buffer json) {
        return of(json, 0, json.length());
    }

    /**
     * Scans {@code json[from, to)}, which should hold one JSON object.
     *
     * @return what was found; malformed input yields what was read before the fault
     */
    public static UsageScan of(Buffer json, int from, int to) {
        Cursor c = new Cursor(json, from, to);
        c.skipSpace();
        if (!c.eat('{')) {
            return NOTHING;
        }
        Usage usage = null;
        boolean choices = false;
        try {
            while (c.nextKey()) {
                if (c.keyIs(USAGE) && c.peek() == '{') {
                    usage = readUsage(c);
                } else if (c.keyIs(CHOICES) && c.peek() == '[') {
                    choices = nonEmptyArray(c);
                } else {
                    c.skipValue();
                }
                c.skipSpace();
                if (!c.eat(',')) {
                    break;
                }
            }
        } catch (IndexOutOfBoundsException truncated) {
            // a cut-off answer: keep what was read
        }
        return new UsageScan(usage, choices);
    }

    private static boolean nonEmptyArray(Cursor c) {
        int start = c.pos;
        c.pos++;
        c.skipSpace();
        boolean empty = c.peek() == ']';
        c.pos = start;
        c.skipValue();
        return !empty;
    }

    private static Usage readUsage(Cursor c) {
        c.pos++; // '{'
        long prompt = -1;
        long completion = -1;
        while (c.nextKey()) {
            if (c.keyIs(PROMPT_TOKENS)) {
                prompt = c.readWholeNumber();
            } else if (c.keyIs(COMPLETION_TOKENS)) {
                completion = c.readWholeNumber();
            } else {
                c.skipValue();
            }
            c.skipSpace();
            if (!c.eat(',')) {
                break;
            }
        }
        if (!c.eat('}')) {
            return null;
        }
        return prompt >= 0 && completion >= 0 ? new Usage(prompt, completion) : null;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** A position in the buffer and the few JSON steps the scan needs. */
    private static final class Cursor {
        private final Buffer json;
        private final int end;
        private int pos;
        /** Where the name of the key {@link #nextKey} read starts and ends (exclusive). */
        private int keyStart;
        private int keyEnd;

        Cursor(Buffer json, int from, int to) {
            this.json = json;
            this.pos = from;
            this.end = Math.min(to, json.length());
        }

        byte peek() {
            if (pos >= end) {
                throw new IndexOutOfBoundsException(pos);
            }
            return json.getByte(pos);
        }

        boolean eat(char expected) {
            if (pos < end && json.getByte(pos) == expected) {
                pos++;
                return true;
            }
            return false;
        }

        /** @return whether anything is left after the white space */
        boolean skipSpace() {
            while (pos < end) {
                byte b = json.getByte(pos);
                if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                    return true;
                }
                pos++;
            }
            return false;
        }

        /** At an opening quote: moves past the closing one. */
        void skipString() {
            pos++;
            while (true) {
                byte b = peek();
                pos++;
                if (b == '\\') {
                    pos++;
                } else if (b == '"') {
                    return;
                }
            }
        }

        /** Skips one value of any kind: string, object, array, number, literal. */
        void skipValue() {
            byte first = peek();
            if (first == '"') {
                skipString();
                return;
            }
            if (first != '{' && first != '[') {
                while (pos < end) {
                    byte b = json.getByte(pos);
                    if (b == ',' || b == '}' || b == ']' || b == ' ' || b == '\n' || b == '\r' || b == '\t') {
                        return;
                    }
                    pos++;
                }
                return;
            }
            int depth = 0;
            do {
                byte b = peek();
                if (b == '"') {
                    skipString();
                    continue;
                }
                if (b == '{' || b == '[') {
                    depth++;
                } else if (b == '}' || b == ']') {
                    depth--;
                }
                pos++;
            } while (depth > 0);
        }

        /** @return a non-negative whole number, or -1 when the value is anything else (skipped) */
        long readWholeNumber() {
            int start = pos;
            long value = 0;
            while (pos < end) {
                byte b = json.getByte(pos);
                if (b < '0' || b > '9' || pos - start > 17) {
                    break;
                }
                value = value * 10 + (b - '0');
                pos++;
            }
            if (pos == start || (pos < end && isNumberTail(json.getByte(pos)))) {
                pos = start;
                skipValue();
                return -1;
            }
            return value;
        }

        private static boolean isNumberTail(byte b) {
            return b == '.' || b == 'e' || b == 'E' || (b >= '0' && b <= '9');
        }

        /**
         * Inside an object, at a key or its end: reads {@code "name" :} and stops at the value.
         *
         * @return false when no key follows (the object ends, or the bytes are not JSON)
         */
        boolean nextKey() {
            if (!skipSpace() || peek() != '"') {
                return false;
            }
            keyStart = pos + 1;
            skipString();
            keyEnd = pos - 1;
            skipSpace();
            if (!eat(':')) {
                return false;
            }
            skipSpace();
            return true;
        }

        /** Whether the key {@link #nextKey} read is {@code name}. */
        boolean keyIs(byte[] name) {
            if (keyEnd - keyStart != name.length) {
                return false;
            }
            for (int i = 0; i < name.length; i++) {
                if (json.getByte(keyStart + i) != name[i]) {
                    return false;
                }
            }
            return true;
        }
    }
}
