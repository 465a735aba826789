package io.skilldesigner.core.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * The value types a node setting can have, with their canonical Java representation:
 * TEXT/CHOICE/SECRET/FILE_PATH/URL/JSON/MODEL_REF → String, INTEGER → Long, DECIMAL → Double,
 * BOOLEAN → Boolean, STRING_LIST → List&lt;String&gt;, KEY_VALUE_LIST → Map&lt;String,String&gt; (ordered),
 * POINT_LIST → List&lt;List&lt;Double&gt;&gt; (normalised x,y pairs). A String of the form {@code $param(NAME)}
 * is accepted for any type and resolved from the skill's parameters.
 */
public enum SettingType {
    TEXT, INTEGER, DECIMAL, BOOLEAN, CHOICE, STRING_LIST, KEY_VALUE_LIST, SECRET, FILE_PATH, URL, JSON, MODEL_REF,
    POINT_LIST;

    /** True when the canonical value is a String. */
    public boolean isTextual() {
        return switch (this) {
            case TEXT, CHOICE, SECRET, FILE_PATH, URL, JSON, MODEL_REF -> true;
            default -> false;
        };
    }

    /**
     * Converts a loosely typed value (what gson or YAML produced, or a string from a form or from KAN) to the
     * canonical representation.
     *
     * @throws IllegalArgumentException with a plain message when the value cannot be that type
     */
    public Object coerce(Object raw) {
        if (raw == null) {
            return null;
        }
        if (raw instanceof String s && ParamRef.isParamRef(s)) {
            return s.trim();
        }
        return switch (this) {
            case TEXT, CHOICE, SECRET, FILE_PATH, URL, JSON, MODEL_REF -> String.valueOf(raw);
            case INTEGER -> toLong(raw);
            case DECIMAL -> toDouble(raw);
            case BOOLEAN -> toBoolean(raw);
            case STRING_LIST -> toStringList(raw);
            case KEY_VALUE_LIST -> toKeyValues(raw);
            case POINT_LIST -> toPoints(raw);
        };
    }

    /** The value as KAN and text fields write it: numbers and booleans as text, lists and maps as JSON. */
    public String toText(Object value) {
        if (value == null) {
            return "";
        }
        return switch (this) {
            case INTEGER, BOOLEAN -> String.valueOf(value);
            case DECIMAL -> formatDecimal(value);
            case STRING_LIST -> {
                if (value instanceof String s) {
                    yield s;
                }
                JsonArray a = new JsonArray();
                ((List<?>) value).forEach(v -> a.add(String.valueOf(v)));
                yield a.toString();
            }
            case KEY_VALUE_LIST -> {
                if (value instanceof String s) {
                    yield s;
                }
                JsonObject o = new JsonObject();
                ((Map<?, ?>) value).forEach((k, v) -> o.addProperty(String.valueOf(k), String.valueOf(v)));
                yield o.toString();
            }
            case POINT_LIST -> {
                if (value instanceof String s) {
                    yield s;
                }
                JsonArray a = new JsonArray();
                for (Object p : (List<?>) value) {
                    JsonArray pa = new JsonArray();
                    ((List<?>) p).forEach(c -> pa.add(((Number) c).doubleValue()));
                    a.add(pa);
                }
                yield a.toString();
            }
            default -> String.valueOf(value);
        };
    }

    private static String formatDecimal(Object value) {
        if (value instanceof Number n) {
            double d = n.doubleValue();
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString((long) d);
            }
            return Double.toString(d);
        }
        return String.valueOf(value);
    }

    private static Long toLong(Object raw) {
        if (raw instanceof Number n) {
            double d = n.doubleValue();
            if (d != Math.rint(d)) {
                throw new IllegalArgumentException("expected a whole number, got " + raw);
            }
            return n.longValue();
        }
        String s = String.valueOf(raw).trim();
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            try {
                double d = Double.parseDouble(s);
                if (d == Math.rint(d)) {
                    return (long) d;
                }
            } catch (NumberFormatException ignored) {
                // falls through to the error below, which names the bad value
            }
            throw new IllegalArgumentException("expected a whole number, got '" + s + "'");
        }
    }

    private static Double toDouble(Object raw) {
        if (raw instanceof Number n) {
            return n.doubleValue();
        }
        String s = String.valueOf(raw).trim();
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a number, got '" + s + "'");
        }
    }

    private static Boolean toBoolean(Object raw) {
        if (raw instanceof Boolean b) {
            return b;
        }
        String s = String.valueOf(raw).trim().toLowerCase();
        return switch (s) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw new IllegalArgumentException("expected true or false, got '" + s + "'");
        };
    }

    private static List<String> toStringList(Object raw) {
        if (raw instanceof List<?> l) {
            List<String> out = new ArrayList<>();
            l.forEach(v -> out.add(String.valueOf(v)));
            return out;
        }
        String s = String.valueOf(raw).trim();
        if (s.isEmpty()) {
            return List.of();
        }
        if (s.startsWith("[")) {
            JsonElement e = parseJson(s, "a JSON list of strings");
            if (!e.isJsonArray()) {
                throw new IllegalArgumentException("expected a JSON list of strings, got '" + s + "'");
            }
            List<String> out = new ArrayList<>();
            e.getAsJsonArray().forEach(v -> out.add(v.isJsonPrimitive() ? v.getAsString() : v.toString()));
            return out;
        }
        List<String> out = new ArrayList<>();
        for (String part : s.split(",")) {
            if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
        return out;
    }

    private static Map<String, String> toKeyValues(Object raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
            return out;
        }
        if (raw instanceof List<?> l) {
            // [{name:..., value:...}] as IoT Edge and some exports write env lists
            for (Object item : l) {
                if (item instanceof Map<?, ?> m && m.containsKey("name")) {
                    Object v = m.get("value");
                    out.put(String.valueOf(m.get("name")), v == null ? "" : String.valueOf(v));
                } else {
                    throw new IllegalArgumentException("expected name/value entries, got " + item);
                }
            }
            return out;
        }
        String s = String.valueOf(raw).trim();
        if (s.isEmpty()) {
            return out;
        }
        JsonElement e = parseJson(s, "a JSON object of names to values");
        if (!e.isJsonObject()) {
            throw new IllegalArgumentException("expected a JSON object of names to values, got '" + s + "'");
        }
        e.getAsJsonObject().entrySet().forEach(en -> out.put(en.getKey(),
                en.getValue().isJsonPrimitive() ? en.getValue().getAsString() : en.getValue().toString()));
        return out;
    }

    private static List<List<Double>> toPoints(Object raw) {
        Object value = raw;
        if (raw instanceof String s) {
            if (s.isBlank()) {
                return List.of();
            }
            JsonElement e = parseJson(s, "a JSON list of [x, y] points");
            value = new com.google.gson.Gson().fromJson(e, List.class);
        }
        if (!(value instanceof List<?> l)) {
            throw new IllegalArgumentException("expected a list of [x, y] points, got " + raw);
        }
        List<List<Double>> out = new ArrayList<>();
        for (Object p : l) {
            if (!(p instanceof List<?> pl) || pl.size() != 2) {
                throw new IllegalArgumentException("expected a point [x, y], got " + p);
            }
            out.add(List.of(toDouble(pl.get(0)), toDouble(pl.get(1))));
        }
        return out;
    }

    private static JsonElement parseJson(String s, String what) {
        try {
            return JsonParser.parseString(s);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("expected " + what + ": " + e.getMessage());
        }
    }
}
