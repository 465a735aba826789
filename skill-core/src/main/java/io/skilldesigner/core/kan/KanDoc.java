package io.skilldesigner.core.kan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.Gson;

import io.skilldesigner.core.kan.KanImportNote.Level;

/** Typed, path-aware access to a parsed KAN document, collecting import notes on the way. */
final class KanDoc {
    private final KanTree tree;
    private final List<KanImportNote> notes = new ArrayList<>();

    KanDoc(KanTree tree) {
        this.tree = tree;
    }

    List<KanImportNote> notes() {
        return notes;
    }

    static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** Line of the path, or of its nearest enclosing value that has one. */
    int line(String path) {
        String p = path;
        while (true) {
            int line = tree.line(p);
            if (line > 0 || p.isEmpty()) {
                return line;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut < 0 ? "" : p.substring(0, cut);
        }
    }

    KanFormatException error(String path, String message) {
        return new KanFormatException(path, line(path), message);
    }

    void note(Level level, String path, String nodeId, String message) {
        notes.add(new KanImportNote(level, path, line(path), nodeId, message));
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> map(Object value, String path) throws KanFormatException {
        if (value instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw error(path, "expected a mapping of names to values, found " + describe(value));
    }

    Map<String, Object> requiredMap(Map<String, Object> parent, String path, String key) throws KanFormatException {
        String p = child(path, key);
        if (parent.get(key) == null) {
            throw error(p, "'" + key + "' is missing");
        }
        return map(parent.get(key), p);
    }

    /** The mapping under the key, or an empty one when absent or null. */
    Map<String, Object> optionalMap(Map<String, Object> parent, String path, String key) throws KanFormatException {
        Object v = parent.get(key);
        return v == null ? Map.of() : map(v, child(path, key));
    }

    List<Object> optionalList(Map<String, Object> parent, String path, String key) throws KanFormatException {
        Object v = parent.get(key);
        if (v == null) {
            return List.of();
        }
        if (v instanceof List<?> l) {
            return new ArrayList<>(l);
        }
        throw error(child(path, key), "expected a list, found " + describe(v));
    }

    String requiredText(Map<String, Object> parent, String path, String key) throws KanFormatException {
        String p = child(path, key);
        Object v = parent.get(key);
        if (v == null) {
            throw error(p, "'" + key + "' is missing");
        }
        if (!(v instanceof String s)) {
            throw error(p, "expected text, found " + describe(v));
        }
        if (s.isBlank()) {
            throw error(p, "'" + key + "' is empty");
        }
        return s.trim();
    }

    /** Text under the key, or the fallback when absent or null. */
    String optionalText(Map<String, Object> parent, String path, String key, String fallback)
            throws KanFormatException {
        Object v = parent.get(key);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof String s)) {
            throw error(child(path, key), "expected text, found " + describe(v));
        }
        return s;
    }

    /**
     * A KAN string map (configurations, parameters, properties). KAN writes only strings; a list or mapping is
     * taken as its JSON text (how KAN writes lists), null entries are left out with a note.
     */
    Map<String, String> strings(Map<String, Object> parent, String path, String key, String nodeId)
            throws KanFormatException {
        Map<String, Object> raw = optionalMap(parent, path, key);
        String mapPath = child(path, key);
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : raw.entrySet()) {
            Object v = e.getValue();
            if (v == null) {
                note(Level.INFO, child(mapPath, e.getKey()), nodeId, "'" + e.getKey() + "' has no value; ignored");
            } else if (v instanceof String s) {
                out.put(e.getKey(), s);
            } else {
                out.put(e.getKey(), new Gson().toJson(v));
            }
        }
        return out;
    }

    static String describe(Object value) {
        if (value == null) {
            return "nothing";
        }
        if (value instanceof Map<?, ?>) {
            return "a mapping";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        return "'" + value + "'";
    }
}
