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
    private final LocatedJson doc;
    private final JsonElement value;
    private final String path;
    private final SourceLocation near;

    private JsonField(LocatedJson doc, JsonElement value, String path, SourceLocation near) {
        this.doc = doc;
        this.value = value;
        this.path = path;
        SourceLocation own = value == null ? null : doc.locationOf(value);
        this.near = own != null ? own : near;
    }

    static JsonField root(LocatedJson doc, JsonElement root) {
        return new JsonField(doc, root, "", new SourceLocation(1, 1));
    }

    SourceLocation location() {
        return near;
    }

    String source() {
        return doc.source();
    }

    String path() {
        return path;
    }

    JsonElement json() {
        return value;
    }

    FileFormatException error(String detail) {
        return new FileFormatException(doc.source(), near.line(), near.column(), path, detail);
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
        return Optional.of(new JsonField(doc, e, child(key), near));
    }

    JsonField required(String key) throws FileFormatException {
        Optional<JsonField> f = optional(key);
        if (f.isEmpty()) {
            throw new JsonField(doc, null, child(key), near).error("missing");
        }
        return f.get();
    }

    private String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** Members in file order; null values are left out (null means not set). */
    List<Map.Entry<String, JsonField>> entries() throws FileFormatException {
        List<Map.Entry<String, JsonField>> out = new ArrayList<>();
        for (Map.Entry<String, JsonElement> e : object().entrySet()) {
            if (!e.getValue().isJsonNull()) {
                out.add(Map.entry(e.getKey(), new JsonField(doc, e.getValue(), child(e.getKey()), near)));
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
            out.add(new JsonField(doc, value.getAsJsonArray().get(i), path + "[" + i + "]", near));
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
