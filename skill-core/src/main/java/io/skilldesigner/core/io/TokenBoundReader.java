package io.skilldesigner.core.io;

import java.io.Reader;

/**
 * Feeds a text to gson's {@code JsonReader} in pieces that end where a JSON value can begin or a literal ends, so
 * that the number of characters handed over tells where the value just peeked starts. {@code JsonReader} reads
 * only when it has used up what it has and only as much as it needs, so after it peeks a value:
 * <ul>
 * <li>an object, list or string: the last character handed over is its opening character;</li>
 * <li>a number, {@code true}, {@code false} or {@code null}: the reader has looked at the character after the
 * literal, the last one handed over (or reached the end of the text).</li>
 * </ul>
 * {@link LocatedJson} checks each position against the text and falls back to the reader's own description of its
 * position where it does not hold, so this only saves work: asking the reader costs a path string and a regex
 * match per value, which was most of the time to open a large skill.
 */
final class TokenBoundReader extends Reader {
    private final char[] text; // an array: this loop runs for every character, also before the JIT has
    private int next;

    TokenBoundReader(String text) {
        this.text = text.toCharArray();
    }

    /** How many characters have been handed over. */
    int consumed() {
        return next;
    }

    @Override
    public int read(char[] buffer, int offset, int length) {
        if (next >= text.length) {
            return -1;
        }
        if (length == 0) {
            return 0;
        }
        int end = Math.min(text.length, next + length);
        int stop = next;
        boolean afterLiteral = next > 0 && isLiteralChar(text[next - 1]);
        while (stop < end) {
            char c = text[stop++];
            boolean literal = isLiteralChar(c);
            if (c == '{' || c == '[' || c == '"' || afterLiteral && !literal) {
                break;
            }
            afterLiteral = literal;
        }
        System.arraycopy(text, next, buffer, offset, stop - next);
        int n = stop - next;
        next = stop;
        return n;
    }

    /**
     * A character that can be part of a number or of {@code true}, {@code false} and {@code null} (ASCII only:
     * this runs for every character of the file).
     */
    static boolean isLiteralChar(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c == '.' || c == '+'
                || c == '-';
    }

    @Override
    public void close() {
        // nothing to release: the text stays with its owner
    }
}
