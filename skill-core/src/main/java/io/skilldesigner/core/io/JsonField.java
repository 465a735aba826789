package io.skilldesigner.core.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * A value being bound to our types, with its field path and location, so every error names file, line, column
 * and field. Values created after parsing (by a migration) report the location of the nearest parsed parent.
 */
final class JsonField {
    private static final SourceLocation DOCUMENT_START = new SourceLocation(1, 1);
    private final LocatedJson doc;
    private final JsonElement value;
    // path and location are worked out only when asked (for an error): binding a large file makes many fields
    private final JsonField parent;
    private final String key;
    private final int index;

    private JsonField(LocatedJson doc, JsonElement value, JsonField parent, String key, int index) {
        this.doc = doc;
        this.value = value;
        this.parent = parent;
        this.key = key;
        this.index = index;
    }

    static JsonField root(LocatedJson doc, JsonElement root) {
        return new JsonField(doc, root, null, null, -1);
    }

    /** Where the value started, or where its nearest parsed parent did (for values made by a migration). */
    SourceLocation location() {
        for (JsonField f = this; f != null; f = f.parent) {
            SourceLocation own = f.value == null ? null : doc.locationOf(f.value);
            if (own != null) {
                return own;
            }
        }
        return DOCUMENT_START;
    }

    String source() {
        return doc.source();
    }

    /** The field's path as errors name it: {@code nodes[2].settings.confidence}. */
    String path() {
        if (parent == null) {
            return "";
        }
        String above = parent.path();
        if (key == null) {
            return above + "[" + index + "]";
        }
        return above.isEmpty() ? key : above + "." + key;
    }

    JsonElement json() {
        return value;
    }

    FileFormatException error(String detail) {
        SourceLocation at = location();
        return new FileFormatException(doc.source(), at.line(), at.column(), path(), detail);
    }

    JsonObject object() throws FileFormatException {
        if (value == null || !value.isJsonObject()) {
            throw error("expected an object, got " + JsonValues.describe(value));
        }
        return value.getAsJsonObject();
    }

    /** The member, or empty when absent or null. */
    Optional<JsonField> optional(String key) throws FileFormatException {
        JsonElement e = object().get(key);
        if (e == null || e.isJsonNull()) {
            return Optional.empty();
        }
        return Optional.of(new JsonField(doc, e, this, key, -1));
    }

    JsonField required(String key) throws FileFormatException {
        Optional<JsonField> f = optional(key);
        if (f.isEmpty()) {
            throw new JsonField(doc, null, this, key, -1).error("missing");
        }
        return f.get();
    }

    /** Members in file order; null values are left out (null means not set). */
    List<Map.Entry<String, JsonField>> entries() throws FileFormatException {
        List<Map.Entry<String, JsonField>> out = new ArrayList<>();
        for (Map.Entry<String, JsonElement> e : object().entrySet()) {
            if (!e.getValue().isJsonNull()) {
                out.add(Map.entry(e.getKey(), new JsonField(doc, e.getValue(), this, e.getKey(), -1)));
            }
        }
        return out;
    }

    List<JsonField> items() throws FileFormatException {
        if (value == null || !value.isJsonArray()) {
            throw error("expected a list, got " + JsonValues.describe(value));
        }
        List<JsonField> out = new ArrayList<>();
        for (int i = 0; i < value.getAsJsonArray().size(); i++) {
            out.add(new JsonField(doc, value.getAsJsonArray().get(i), this, null, i));
        }
        return out;
    }

    String string() throws FileFormatException {
        if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            throw error("expected text, got " + JsonValues.describe(value));
        }
        return value.getAsString();
    }

    /** Text, also accepting a number or boolean written without quotes (as hand-edited files may have). */
    String text() throws FileFormatException {
        if (value == null || !value.isJsonPrimitive()) {
            throw error("expected text, got " + JsonValues.describe(value));
        }
        return value.getAsString();
    }

    String nonEmptyString() throws FileFormatException {
        String s = string();
        if (s.isBlank()) {
            throw error("must not be empty");
        }
        return s;
    }

    String string(String key, String fallback) throws FileFormatException {
        Optional<JsonField> f = optional(key);
        return f.isEmpty() ? fallback : f.get().string();
    }

    double number() throws FileFormatException {
        JsonPrimitive p = value != null && value.isJsonPrimitive() ? value.getAsJsonPrimitive() : null;
        if (p == null || !p.isNumber()) {
            throw error("expected a number, got " + JsonValues.describe(value));
        }
        return p.getAsDouble();
    }

    long wholeNumber() throws FileFormatException {
        double d = number();
        if (d != Math.rint(d) || Math.abs(d) > 9.0e15) {
            throw error("expected a whole number, got " + JsonValues.describe(value));
        }
        return (long) d;
    }

    int intValue() throws FileFormatException {
        long l = wholeNumber();
        if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
            throw error("number " + l + " is too large");
        }
        return (int) l;
    }

    boolean bool() throws FileFormatException {
        if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isBoolean()) {
            throw error("expected true or false, got " + JsonValues.describe(value));
        }
        return value.getAsBoolean();
    }

    /** An enum constant by name, any case, {@code -} for {@code _}. */
    <E extends Enum<E>> E enumValue(Class<E> type) throws FileFormatException {
        String s = string();
        String wanted = s.trim().replace('-', '_').toUpperCase(Locale.ROOT);
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(wanted)) {
                return e;
            }
        }
        throw error("expected one of " + Arrays.stream(type.getEnumConstants())
                .map(JsonField::enumText).collect(Collectors.joining(", ")) + ", got '" + s + "'");
    }

    /** How enum values are written: lower case, {@code -} between words. */
    static String enumText(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    Object toJava() {
        return JsonValues.toJava(value);
    }
}
