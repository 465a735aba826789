package io.skilldesigner.app.ui;

import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import javafx.scene.control.TreeItem;

/**
 * A JSON text as a collapsible tree (as Node-RED's debug panel shows messages): objects and arrays are branches
 * with a short summary ("{3}", "[2]"), values are leaves "key: value". Text that is not JSON is one leaf.
 */
public final class JsonTree {
    private JsonTree() {
    }

    /** A branch titled {@code title} holding the JSON's tree; the top level is expanded, deeper levels are not. */
    public static TreeItem<String> of(String title, String json) {
        TreeItem<String> root = new TreeItem<>(title);
        try {
            JsonElement e = JsonParser.parseString(json);
            if (e.isJsonObject() || e.isJsonArray()) {
                addChildren(root, e);
            } else {
                root.getChildren().add(new TreeItem<>(e.toString()));
            }
        } catch (JsonParseException ex) {
            root.getChildren().add(new TreeItem<>(json)); // not JSON (e.g. a plain text export): shown as it is
        }
        return root;
    }

    private static void addChildren(TreeItem<String> parent, JsonElement e) {
        if (e instanceof JsonObject o) {
            for (Map.Entry<String, JsonElement> m : o.entrySet()) {
                parent.getChildren().add(item(m.getKey(), m.getValue()));
            }
        } else if (e instanceof JsonArray a) {
            for (int i = 0; i < a.size(); i++) {
                parent.getChildren().add(item("[" + i + "]", a.get(i)));
            }
        }
    }

    private static TreeItem<String> item(String key, JsonElement v) {
        if (v instanceof JsonObject o) {
            TreeItem<String> t = new TreeItem<>(key + ": {" + o.size() + "}");
            addChildren(t, o);
            return t;
        }
        if (v instanceof JsonArray a) {
            TreeItem<String> t = new TreeItem<>(key + ": [" + a.size() + "]");
            addChildren(t, a);
            return t;
        }
        return new TreeItem<>(key + ": " + v);
    }
}
