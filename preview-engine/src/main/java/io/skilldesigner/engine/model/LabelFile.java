package io.skilldesigner.engine.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads label files: one label per line (Custom Vision labels.txt, COCO lists), or {@code index,name} lines
 * (the SqueezeNet sample's labels.txt: "281,tabby, tabby cat"). The index form is used only when every line
 * has it and the indices count up from 0, so plain labels that contain a comma stay whole.
 */
public final class LabelFile {
    private static final Pattern INDEXED = Pattern.compile("^(\\d+)\\s*[,:]\\s*(.+)$");

    private LabelFile() {
    }

    public static List<String> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ModelException("label file not found: " + file, e);
        } catch (IOException e) {
            throw new ModelException("cannot read label file " + file + ": " + e.getMessage(), e);
        }
        return parse(lines);
    }

    public static List<String> parse(List<String> lines) {
        List<String> labels = new ArrayList<>();
        for (String line : lines) {
            String l = line.strip();
            if (l.startsWith("\uFEFF")) {
                l = l.substring(1);
            }
            if (!l.isEmpty()) {
                labels.add(l);
            }
        }
        List<String> indexed = new ArrayList<>();
        for (String l : labels) {
            Matcher m = INDEXED.matcher(l);
            if (!m.matches() || Integer.parseInt(m.group(1)) != indexed.size()) {
                return List.copyOf(labels);
            }
            indexed.add(m.group(2).strip());
        }
        return List.copyOf(indexed);
    }

    /** The short name of a label: "tabby, tabby cat" → "tabby". */
    public static String shortName(String label) {
        int comma = label.indexOf(',');
        return comma < 0 ? label : label.substring(0, comma).strip();
    }
}
