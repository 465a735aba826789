package io.skilldesigner.engine.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A model's class names and where they came from: the label file when one is given, else the model's metadata
 * ({@code names}: Ultralytics' Python dict {@code {0: 'person', ...}} or a list; {@code labels} or {@code classes}:
 * a JSON/Python list or comma/newline separated), else none.
 *
 * @param names  the class names, index = class
 * @param source where they came from, in words ("label file labels.txt", "model metadata 'names'", "none")
 */
public record ModelNames(List<String> names, String source) {
    /** Metadata keys read for names, in order of preference. */
    public static final List<String> KEYS = List.of("names", "labels", "classes");
    public static final String NONE = "none (results read 'class N')";
    private static final Pattern DICT_ENTRY = Pattern.compile("(\\d+)\\s*['\"]?\\s*:\\s*(['\"])(.*?)\\2");
    private static final Pattern QUOTED = Pattern.compile("(['\"])(.*?)\\1");

    public ModelNames {
        names = List.copyOf(names);
    }

    public boolean isEmpty() {
        return names.isEmpty();
    }

    /** Names from the label file (when not null) or else the metadata. */
    public static ModelNames of(Path labelFile, Map<String, String> metadata) {
        if (labelFile != null) {
            return new ModelNames(LabelFile.read(labelFile), "label file " + labelFile.getFileName());
        }
        return fromMetadata(metadata).orElse(new ModelNames(List.of(), NONE));
    }

    public static Optional<ModelNames> fromMetadata(Map<String, String> metadata) {
        if (metadata == null) {
            return Optional.empty();
        }
        for (String key : KEYS) {
            String v = metadata.get(key);
            if (v != null && !v.isBlank()) {
                List<String> parsed = parse(v);
                if (!parsed.isEmpty()) {
                    return Optional.of(new ModelNames(parsed, "model metadata '" + key + "'"));
                }
            }
        }
        return Optional.empty();
    }

    /** Parses a dict {0: 'a', 1: 'b'}, a list ['a', 'b'] / ["a","b"], or "a, b" / one name a line. */
    static List<String> parse(String text) {
        String t = text.strip();
        if (t.startsWith("{")) {
            TreeMap<Integer, String> byIndex = new TreeMap<>();
            Matcher m = DICT_ENTRY.matcher(t);
            while (m.find()) {
                byIndex.put(Integer.parseInt(m.group(1)), m.group(3));
            }
            List<String> out = new ArrayList<>();
            for (Map.Entry<Integer, String> e : byIndex.entrySet()) {
                if (e.getKey() != out.size()) {
                    return List.of(); // gaps: not a names table we can index
                }
                out.add(e.getValue());
            }
            return out;
        }
        if (t.startsWith("[")) {
            List<String> out = new ArrayList<>();
            Matcher m = QUOTED.matcher(t);
            while (m.find()) {
                out.add(m.group(2));
            }
            return out;
        }
        List<String> out = new ArrayList<>();
        for (String p : t.split(t.contains("\n") ? "\\R" : ",")) {
            if (!p.isBlank()) {
                out.add(p.strip());
            }
        }
        return out;
    }
}
