package io.skilldesigner.packaging;

import static io.skilldesigner.core.catalog.nodes.GrpcCustomNode.CREATE_OPTIONS_CHUNK;
import static io.skilldesigner.core.catalog.nodes.GrpcCustomNode.CREATE_OPTIONS_MAX_CHUNKS;

import java.util.LinkedHashMap;
import java.util.Map;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * Docker create options as IoT Edge stores them in a deployment: a minified JSON string split into twin values
 * {@code createOptions}, {@code createOptions01} … {@code createOptions07} of at most
 * {@link io.skilldesigner.core.catalog.nodes.GrpcCustomNode#CREATE_OPTIONS_CHUNK} characters.
 */
public final class CreateOptions {
    private CreateOptions() {
    }

    /** Parses and minifies; blank means {@code {}}. */
    public static JsonObject parse(String json, String where) throws PackageException {
        if (json == null || json.isBlank()) {
            return new JsonObject();
        }
        try {
            JsonElement e = JsonParser.parseString(json);
            if (!e.isJsonObject()) {
                throw new PackageException(where + ": create options must be a JSON object");
            }
            return e.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new PackageException(where + ": create options are not valid JSON: " + e.getMessage(), e);
        }
    }

    /** The chunks for a minified document, keyed as IoT Edge expects, in order. */
    public static Map<String, String> chunks(String minified, String where) throws PackageException {
        Map<String, String> out = new LinkedHashMap<>();
        int n = (minified.length() + CREATE_OPTIONS_CHUNK - 1) / CREATE_OPTIONS_CHUNK;
        if (n > CREATE_OPTIONS_MAX_CHUNKS) {
            throw new PackageException(where + ": create options are " + minified.length()
                    + " characters minified; IoT Edge takes at most " + CREATE_OPTIONS_MAX_CHUNKS + " chunks of "
                    + CREATE_OPTIONS_CHUNK);
        }
        for (int i = 0; i < Math.max(n, 1); i++) {
            String part = minified.substring(i * CREATE_OPTIONS_CHUNK,
                    Math.min(minified.length(), (i + 1) * CREATE_OPTIONS_CHUNK));
            out.put(i == 0 ? "createOptions" : String.format("createOptions%02d", i), part);
        }
        return out;
    }

    /** Joins chunks back (in key order createOptions, 01, 02 …). */
    public static String join(Map<String, ?> settings) {
        StringBuilder sb = new StringBuilder();
        Object first = settings.get("createOptions");
        if (first != null) {
            sb.append(first);
        }
        for (int i = 1; i < CREATE_OPTIONS_MAX_CHUNKS; i++) {
            Object part = settings.get(String.format("createOptions%02d", i));
            if (part == null) {
                break;
            }
            sb.append(part);
        }
        return sb.toString();
    }
}
