package io.skilldesigner.core.io;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * Plain Java values ↔ JSON: String, Boolean, Long, Double, List and (ordered) Map, as node settings hold them.
 * No reflection: only these types are written, so a file never depends on a class's field layout.
 */
public final class JsonValues {
    private JsonValues() {
    }

    /** JSON → Java: integers as Long (BigInteger when too large), other numbers as Double, objects ordered. */
    public static Object toJava(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (e.isJsonPrimitive()) {
            JsonPrimitive p = e.getAsJsonPrimitive();
            if (p.isBoolean()) {
                return p.getAsBoolean();
            }
            if (p.isNumber()) {
                Number n = p.getAsNumber();
                if (n instanceof Long || n instanceof Double || n instanceof BigInteger) {
                    return n;
                }
                // made elsewhere than LocatedJson (e.g. by a migration): classify by its text
                String text = n.toString();
                boolean integral = text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0;
                return integral ? (Object) new BigDecimal(text).longValueExact() : (Object) Double.parseDouble(text);
            }
            return p.getAsString();
        }
        if (e.isJsonArray()) {
            List<Object> out = new ArrayList<>();
            e.getAsJsonArray().forEach(v -> out.add(toJava(v)));
            return out;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        e.getAsJsonObject().entrySet().forEach(en -> out.put(en.getKey(), toJava(en.getValue())));
        return out;
    }

    /**
     * Java → JSON.
     *
     * @throws IllegalArgumentException for a value that is not one of the plain types (or a non-finite number)
     */
    public static JsonElement toJson(Object v) {
        if (v == null) {
            return JsonNull.INSTANCE;
        }
        if (v instanceof String s) {
            return new JsonPrimitive(s);
        }
        if (v instanceof Boolean b) {
            return new JsonPrimitive(b);
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("cannot store the number " + d);
            }
            return new JsonPrimitive(d);
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return new JsonPrimitive(((Number) v).longValue());
        }
        if (v instanceof BigInteger || v instanceof BigDecimal) {
            return new JsonPrimitive((Number) v);
        }
        if (v instanceof Iterable<?> items) {
            JsonArray a = new JsonArray();
            items.forEach(i -> a.add(toJson(i)));
            return a;
        }
        if (v instanceof Map<?, ?> m) {
            JsonObject o = new JsonObject();
            m.forEach((k, val) -> o.add(String.valueOf(k), toJson(val)));
            return o;
        }
        throw new IllegalArgumentException("cannot store a " + v.getClass().getSimpleName() + " value");
    }

    /** A value as an error message shows what was found: {@code 'abc'}, {@code 12}, {@code an object}. */
    public static String describe(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return "null";
        }
        if (e.isJsonObject()) {
            return "an object";
        }
        if (e.isJsonArray()) {
            return "a list";
        }
        JsonPrimitive p = e.getAsJsonPrimitive();
        return p.isString() ? "'" + p.getAsString() + "'" : p.getAsString();
    }
}
