package io.skilldesigner.core.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
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
    private final Map<JsonElement, SourceLocation> locations;

    private LocatedJson(String source, JsonElement root, Map<JsonElement, SourceLocation> locations) {
        this.source = source;
        this.root = root;
        this.locations = locations;
    }

    /**
     * @param source how errors name the file, e.g. {@code skills/demo.skill.json}
     */
    public static LocatedJson parse(String text, String source) throws FileFormatException {
        Parser p = new Parser(text, source);
        return new LocatedJson(source, p.document(), p.locations);
    }

    public String source() {
        return source;
    }

    public JsonElement root() {
        return root;
    }

    /** Where the value started in the text, or null for values made after parsing (and for JSON nulls). */
    public SourceLocation locationOf(JsonElement e) {
        return locations.get(e);
    }

    private static final class Parser {
        private final String text;
        private final String source;
        private final int[] lineStarts;
        private final Map<JsonElement, SourceLocation> locations = new IdentityHashMap<>();
        private final JsonReader reader;

        Parser(String text, String source) {
            this.text = text;
            this.source = source;
            List<Integer> starts = new ArrayList<>();
            starts.add(0);
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    starts.add(i + 1);
                }
            }
            this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
            this.reader = new JsonReader(new StringReader(text));
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
            SourceLocation at = position(token);
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
            locations.put(out, at);
            return out;
        }

        private static Number number(String literal) {
            if (literal.indexOf('.') < 0 && literal.indexOf('e') < 0 && literal.indexOf('E') < 0) {
                BigInteger big = new BigInteger(literal);
                return big.bitLength() < 64 ? (Number) big.longValue() : big;
            }
            return Double.parseDouble(literal);
        }

        /**
         * Start of the token just peeked. After a peek the reader stands just past an opening quote or bracket, or
         * (for numbers and literals) at the start or the end of the token; walk back to its first character.
         */
        private SourceLocation position(JsonToken token) {
            SourceLocation p = readerPosition();
            if (p.line() < 1 || p.line() > lineStarts.length) {
                return p;
            }
            int lineStart = lineStarts[p.line() - 1];
            int offset = Math.min(lineStart + p.column() - 1, text.length());
            switch (token) {
                case BEGIN_OBJECT, BEGIN_ARRAY, STRING -> offset = Math.max(lineStart, offset - 1);
                case NUMBER, BOOLEAN, NULL -> {
                    while (offset > lineStart && isLiteralChar(text.charAt(offset - 1))) {
                        offset--;
                    }
                }
                default -> {
                    // END_DOCUMENT and the like: the reader's own position is as good as any
                }
            }
            return new SourceLocation(p.line(), offset - lineStart + 1);
        }

        private static boolean isLiteralChar(char c) {
            return Character.isLetterOrDigit(c) || c == '.' || c == '+' || c == '-';
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
