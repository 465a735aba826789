package io.skilldesigner.core.secrets;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

/**
 * The {@code "NAME=value"} strings in the arrays of a JSON object (Docker's {@code Env} in container create
 * options), at any depth: read them, or rewrite their values in place.
 */
public final class EnvEntries {
    private EnvEntries() {
    }

    /** NAME to value, in order; empty for text that is not a JSON object (yet). */
    public static Map<String, String> of(String json) {
        Map<String, String> out = new LinkedHashMap<>();
        parse(json).ifPresent(root -> rewrite(root, (name, value) -> {
            out.putIfAbsent(name, value);
            return value;
        }));
        return out;
    }

    static java.util.Optional<JsonElement> parse(String json) {
        if (json == null || !json.trim().startsWith("{")) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(JsonParser.parseString(json));
        } catch (JsonParseException e) {
            return java.util.Optional.empty(); // not JSON (yet): validation reports it
        }
    }

    /** Replaces each entry's value by {@code f(name, value)}. */
    static void rewrite(JsonElement e, BiFunction<String, String, String> f) {
        if (e.isJsonObject()) {
            e.getAsJsonObject().entrySet().forEach(m -> rewrite(m.getValue(), f));
        } else if (e.isJsonArray()) {
            JsonArray a = e.getAsJsonArray();
            for (int i = 0; i < a.size(); i++) {
                JsonElement item = a.get(i);
                if (item.isJsonPrimitive() && item.getAsJsonPrimitive().isString()) {
                    String s = item.getAsString();
                    int eq = s.indexOf('=');
                    if (eq > 0) {
                        String value = s.substring(eq + 1);
                        String now = f.apply(s.substring(0, eq), value);
                        if (!now.equals(value)) {
                            a.set(i, new JsonPrimitive(s.substring(0, eq + 1) + now));
                        }
                    }
                } else {
                    rewrite(item, f);
                }
            }
        }
    }
}
