package io.skilldesigner.core.kan;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * A parsed KAN document as plain values — ordered maps, lists, and every scalar as its text (KAN writes numbers
 * and booleans as strings anyway; a YAML {@code 50} and {@code "50"} read the same) or null — plus the line of
 * each path for YAML, so errors can say where. JSON (text starting with <code>{</code>) is read with gson, YAML
 * with SnakeYAML's safe loader (no object construction).
 */
final class KanTree {
    private static final int MAX_DEPTH = 64;

    private final Object root;
    private final Map<String, Integer> lines;
    private final boolean json;

    private KanTree(Object root, Map<String, Integer> lines, boolean json) {
        this.root = root;
        this.lines = lines;
        this.json = json;
    }

    Object root() {
        return root;
    }

    boolean isJson() {
        return json;
    }

    /** 1-based line where the value at the path starts, or 0 when unknown. */
    int line(String path) {
        return lines.getOrDefault(path, 0);
    }

    static KanTree parse(String text) throws KanFormatException {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            throw new KanFormatException("", 0, "the document is empty");
        }
        return trimmed.startsWith("{") ? parseJson(trimmed) : parseYaml(text);
    }

    private static KanTree parseJson(String text) throws KanFormatException {
        JsonElement element;
        try {
            element = JsonParser.parseString(text);
        } catch (JsonParseException e) {
            // gson's message names line, column and path ("... at line 4 column 9 path $.spec.nodes[0]").
            String detail = e.getCause() != null && e.getCause().getMessage() != null
                    ? e.getCause().getMessage() : e.getMessage();
            throw new KanFormatException("", 0, "malformed JSON: " + detail, e);
        }
        return new KanTree(fromJson(element), Map.of(), true);
    }

    private static Object fromJson(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (e.isJsonObject()) {
            Map<String, Object> out = new LinkedHashMap<>();
            e.getAsJsonObject().entrySet().forEach(en -> out.put(en.getKey(), fromJson(en.getValue())));
            return out;
        }
        if (e.isJsonArray()) {
            List<Object> out = new ArrayList<>();
            e.getAsJsonArray().forEach(v -> out.add(fromJson(v)));
            return out;
        }
        // Numbers keep their text as written (gson's lazily parsed number), so "0.30" stays "0.30".
        return e.getAsJsonPrimitive().getAsString();
    }

    private static KanTree parseYaml(String text) throws KanFormatException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        Node node;
        try {
            node = new Yaml(new SafeConstructor(options)).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            int line = mark == null ? 0 : mark.getLine() + 1;
            String column = mark == null ? "" : " column " + (mark.getColumn() + 1);
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            String context = e.getContext() != null ? " (" + e.getContext() + ")" : "";
            throw new KanFormatException("", line, "malformed YAML at line " + line + column + ": " + problem
                    + context, e);
        } catch (YAMLException e) {
            throw new KanFormatException("", 0, "malformed YAML: " + e.getMessage(), e);
        }
        if (node == null) {
            throw new KanFormatException("", 0, "the document is empty");
        }
        Map<String, Integer> lines = new HashMap<>();
        return new KanTree(fromYaml(node, "", lines, 0), lines, false);
    }

    private static Object fromYaml(Node node, String path, Map<String, Integer> lines, int depth)
            throws KanFormatException {
        int line = node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
        lines.putIfAbsent(path, line);
        if (depth > MAX_DEPTH) {
            throw new KanFormatException(path, line, "nested more than " + MAX_DEPTH + " levels deep");
        }
        if (node instanceof ScalarNode s) {
            return Tag.NULL.equals(s.getTag()) ? null : s.getValue();
        }
        if (node instanceof SequenceNode seq) {
            List<Object> out = new ArrayList<>();
            for (Node item : seq.getValue()) {
                out.add(fromYaml(item, path + "[" + out.size() + "]", lines, depth + 1));
            }
            return out;
        }
        if (node instanceof MappingNode map) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (NodeTuple t : map.getValue()) {
                if (!(t.getKeyNode() instanceof ScalarNode key)) {
                    int keyLine = t.getKeyNode().getStartMark().getLine() + 1;
                    throw new KanFormatException(path, keyLine, "a key must be plain text");
                }
                String childPath = path.isEmpty() ? key.getValue() : path + "." + key.getValue();
                out.put(key.getValue(), fromYaml(t.getValueNode(), childPath, lines, depth + 1));
            }
            return out;
        }
        throw new KanFormatException(path, line, "unsupported YAML node " + node.getNodeId());
    }
}
