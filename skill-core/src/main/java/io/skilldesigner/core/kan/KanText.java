package io.skilldesigner.core.kan;

import java.util.Map;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

/**
 * Writes a KAN document as KAN does: block YAML in the kubectl style (list items at the parent's indentation,
 * strings that look like numbers or booleans quoted), or pretty-printed JSON.
 */
public final class KanText {
    private KanText() {
    }

    public static String toYaml(Map<String, Object> document) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setAllowUnicode(true);
        // Long values (create options JSON) stay on one line, as KAN writes them.
        options.setSplitLines(false);
        options.setWidth(Integer.MAX_VALUE);
        return new Yaml(options).dump(document);
    }

    public static String toJson(Map<String, Object> document) {
        // No HTML escaping: '=' and '<' in URLs and create options stay readable, as KAN writes them.
        Gson gson = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();
        return gson.toJson(document) + "\n";
    }
}
