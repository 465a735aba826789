package io.skilldesigner.core.io;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;

/**
 * How our files are laid out: two-space indentation, one value per line, {@code \n} line ends, a final newline,
 * no HTML escaping (so {@code <} and {@code =} stay readable). Key order is the order the objects were built in.
 */
public final class JsonText {
    // Immutable and thread-safe; built once because GsonBuilder is not cheap.
    private static final Gson PRETTY = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls()
            .create();

    private JsonText() {
    }

    public static String write(JsonElement e) {
        return PRETTY.toJson(e) + "\n";
    }
}
