package io.skilldesigner.core.io;

import java.io.EOFException;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.MalformedJsonException;

/**
 * A strictly parsed JSON document that remembers where each value started, so that errors found while binding
 * it (a wrong type, a missing field) can name the line and column. Syntax errors name them too.
 * <p>
 * Numbers without fraction or exponent become {@link Long} (or {@link BigInteger} when too large), others
 * {@link Double}, so that a value's Java type does not depend on how the file was written.
 */
public final class LocatedJson {
    // JsonReader does not expose its position except through toString() and exception messages.
    private static final Pattern POSITION = Pattern.compile(" at line (\\d+) column (\\d+)(?: path (\\S*))?");

    private final String source;
    private final JsonElement root;
    private final Map<JsonElement, Integer> offsets;
    private final LineStarts lines;

    private LocatedJson(String source, JsonElement root, Map<JsonElement, Integer> offsets, LineStarts lines) {
        this.source = source;
        this.root = root;
        this.offsets = offsets;
        this.lines = lines;
    }

    /**
     * @param source how errors name the file, e.g. {@code skills/demo.skill.json}
     */
    public static LocatedJson parse(String text, String source) throws FileFormatException {
        Parser p = new Parser(text, source);
        return new LocatedJson(source, p.document(), p.offsets, p.lines);
    }

    public String source() {
        return source;
    }

    public JsonElement root() {
        return root;
    }

    /** Where the value started in the text, or null for values made after parsing (and for JSON nulls). */
    public SourceLocation locationOf(JsonElement e) {
        Integer offset = offsets.get(e);
        return offset == null ? null : lines.location(offset);
    }

    /**
     * Line and column of a character offset. Made on the first question: a document that binds without an error
     * never needs it.
     */
    private static final class LineStarts {
        private final String text;
        private int[] starts;

        LineStarts(String text) {
            this.text = text;
        }

        SourceLocation location(int offset) {
            int[] s = starts();
            int i = Arrays.binarySearch(s, offset);
            int line = i >= 0 ? i : -i - 2; // the last line starting at or before the offset
            return new SourceLocation(line + 1, offset - s[line] + 1);
        }

        /** 1-based line of the reader's report → offset of that line's first character, or -1 when out of range. */
        int lineStart(int line) {
            int[] s = starts();
            return line < 1 || line > s.length ? -1 : s[line - 1];
        }

        private int[] starts() {
            if (starts == null) {
                int[] found = new int[64];
                int n = 1; // found[0] = 0: the first line starts the text
                for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
                    if (n == found.length) {
                        found = Arrays.copyOf(found, n * 2);
                    }
                    found[n++] = i + 1;
                }
                starts = Arrays.copyOf(found, n);
            }
            return starts;
        }
    }

    private static final class Parser {
        private final String text;
        private final String source;
        private final LineStarts lines;
        private final Map<JsonElement, Integer> offsets = new IdentityHashMap<>();
        private final TokenBoundReader input;
        private final JsonReader reader;

        Parser(String text, String source) {
            this.text = text;
            this.source = source;
            this.lines = new LineStarts(text);
            this.input = new TokenBoundReader(text);
            this.reader = new JsonReader(input);
            reader.setStrictness(Strictness.STRICT);
        }

        JsonElement document() throws FileFormatException {
            try {
                if (text.isBlank()) {
                    throw new FileFormatException(source, 0, 0, "", "the file is empty");
                }
                JsonElement root = value();
                ensureEnd();
                return root;
            } catch (FileFormatException e) {
                throw e;
            } catch (EOFException e) {
                throw syntax(e, "the file ends too early");
            } catch (IOException | IllegalStateException | NumberFormatException e) {
                throw syntax(e, "not valid JSON");
            }
        }

        private void ensureEnd() throws IOException {
            try {
                if (reader.peek() == JsonToken.END_DOCUMENT) {
                    return;
                }
            } catch (MalformedJsonException e) {
                // strict mode refuses a second top-level value outright, having read its first character
            }
            SourceLocation p = readerPosition();
            throw new FileFormatException(source, p.line(), Math.max(1, p.column() - 1), "",
                    "unexpected content after the end of the JSON document");
        }

        private JsonElement value() throws IOException {
            JsonToken token = reader.peek();
            int at = start(token);
            JsonElement out;
            switch (token) {
                case BEGIN_OBJECT -> {
                    JsonObject o = new JsonObject();
                    reader.beginObject();
                    while (reader.hasNext()) {
                        String name = reader.nextName();
                        if (o.has(name)) {
                            SourceLocation nameAt = readerPosition();
                            throw new FileFormatException(source, nameAt.line(), 0, path(reader.getPath()),
                                    "the key '" + name + "' appears twice");
                        }
                        o.add(name, value());
                    }
                    reader.endObject();
                    out = o;
                }
                case BEGIN_ARRAY -> {
                    JsonArray a = new JsonArray();
                    reader.beginArray();
                    while (reader.hasNext()) {
                        a.add(value());
                    }
                    reader.endArray();
                    out = a;
                }
                case STRING -> out = new JsonPrimitive(reader.nextString());
                case NUMBER -> out = new JsonPrimitive(number(reader.nextString()));
                case BOOLEAN -> out = new JsonPrimitive(reader.nextBoolean());
                case NULL -> {
                    reader.nextNull();
                    return JsonNull.INSTANCE; // a shared instance: it cannot carry a location
                }
                default -> throw new IllegalStateException("unexpected " + token);
            }
            offsets.put(out, at);
            return out;
        }

        private static Number number(String literal) {
            if (literal.indexOf('.') < 0 && literal.indexOf('e') < 0 && literal.indexOf('E') < 0) {
                if (literal.length() <= 18) { // fits a long whatever the digits: no BigInteger for most numbers
                    return Long.parseLong(literal);
                }
                BigInteger big = new BigInteger(literal);
                return big.bitLength() < 64 ? (Number) big.longValue() : big;
            }
            return Double.parseDouble(literal);
        }

        /**
         * Offset of the first character of the value just peeked: from how much text the reader has taken (see
         * {@link TokenBoundReader}), checked against the text; where that does not hold, from the reader's report.
         */
        private int start(JsonToken token) {
            int taken = input.consumed();
            switch (token) {
                case BEGIN_OBJECT, BEGIN_ARRAY, STRING -> {
                    char opening = token == JsonToken.BEGIN_OBJECT ? '{' : token == JsonToken.BEGIN_ARRAY ? '[' : '"';
                    if (taken > 0 && text.charAt(taken - 1) == opening) {
                        return taken - 1;
                    }
                }
                case NUMBER, BOOLEAN, NULL -> {
                    int end = taken;
                    if (end > 0 && !TokenBoundReader.isLiteralChar(text.charAt(end - 1))) {
                        end--; // the character after the literal, which told the reader it had ended
                    }
                    int begin = literalStart(end, 0);
                    if (begin < end && startsLiteral(text.charAt(begin))) {
                        return begin;
                    }
                }
                default -> {
                    // END_DOCUMENT and the like: asked of the reader below
                }
            }
            return reportedStart(token);
        }

        private static boolean startsLiteral(char c) {
            return c == '-' || c >= '0' && c <= '9' || c == 't' || c == 'f' || c == 'n';
        }

        /** Walks back from {@code end} over literal characters, not before {@code floor}. */
        private int literalStart(int end, int floor) {
            int begin = end;
            while (begin > floor && TokenBoundReader.isLiteralChar(text.charAt(begin - 1))) {
                begin--;
            }
            return begin;
        }

        /**
         * Start of the token just peeked, from the reader's own report. After a peek the reader stands just past
         * an opening quote or bracket, or (for numbers and literals) at the start or the end of the token; walk
         * back to its first character.
         */
        private int reportedStart(JsonToken token) {
            SourceLocation p = readerPosition();
            int lineStart = lines.lineStart(p.line());
            if (lineStart < 0) {
                return Math.min(input.consumed(), text.length());
            }
            int offset = Math.min(lineStart + p.column() - 1, text.length());
            return switch (token) {
                case BEGIN_OBJECT, BEGIN_ARRAY, STRING -> Math.max(lineStart, offset - 1);
                case NUMBER, BOOLEAN, NULL -> literalStart(offset, lineStart);
                default -> offset;
            };
        }

        private SourceLocation readerPosition() {
            Matcher m = POSITION.matcher(reader.toString());
            return m.find() ? new SourceLocation(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)))
                    : SourceLocation.UNKNOWN;
        }

        private FileFormatException syntax(Exception e, String fallback) {
            String message = e.getMessage() == null ? fallback : e.getMessage();
            message = message.lines().findFirst().orElse(fallback); // drop gson's troubleshooting link
            Matcher m = POSITION.matcher(message);
            if (m.find()) {
                String what = message.substring(0, m.start()).trim();
                String field = m.group(3) == null ? "" : path(m.group(3));
                return new FileFormatException(source, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        field, "not valid JSON: " + decapitalize(what.isEmpty() ? fallback : what));
            }
            SourceLocation at = readerPosition();
            return new FileFormatException(source, at.line(), at.column(), "", "not valid JSON: " + message);
        }

        private static String decapitalize(String s) {
            return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
        }
    }

    /** gson's {@code $.nodes[2].id} as we name fields: {@code nodes[2].id}. */
    static String path(String jsonPath) {
        String p = jsonPath.startsWith("$") ? jsonPath.substring(1) : jsonPath;
        return p.startsWith(".") ? p.substring(1) : p;
    }
}
