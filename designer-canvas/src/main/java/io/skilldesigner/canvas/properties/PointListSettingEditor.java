package io.skilldesigner.canvas.properties;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.TextArea;

/** POINT_LIST as text, one "x, y" pair (normalised 0..1) per line; errors name the line. */
final class PointListSettingEditor extends SettingEditor {
    private final TextArea area = new TextArea();

    PointListSettingEditor(String label) {
        area.setPrefRowCount(4);
        area.setPromptText("0.1, 0.2\n0.9, 0.2\n0.5, 0.8");
        area.textProperty().addListener((o, a, b) -> {
            try {
                List<List<Double>> pts = parse(b);
                fire(Edit.ok(pts.isEmpty() ? null : pts));
            } catch (IllegalArgumentException e) {
                fire(Edit.bad(label + ": " + e.getMessage()));
            }
        });
    }

    static List<List<Double>> parse(String text) {
        List<List<Double>> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.replace("[", "").replace("]", "").split("[,;\\s]+");
            if (parts.length != 2) {
                throw new IllegalArgumentException("line " + (i + 1) + ": expected 'x, y', got '" + line + "'");
            }
            double[] xy = new double[2];
            for (int k = 0; k < 2; k++) {
                try {
                    xy[k] = Double.parseDouble(parts[k]);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("line " + (i + 1) + ": '" + parts[k] + "' is not a number");
                }
                if (xy[k] < 0 || xy[k] > 1) {
                    throw new IllegalArgumentException("line " + (i + 1) + ": " + parts[k]
                            + " is outside 0..1 (coordinates are fractions of the frame)");
                }
            }
            out.add(List.of(xy[0], xy[1]));
        }
        return out;
    }

    static String format(Object value) {
        if (!(value instanceof List<?> l)) {
            return value == null ? "" : String.valueOf(value);
        }
        StringBuilder sb = new StringBuilder();
        for (Object p : l) {
            if (p instanceof List<?> pl && pl.size() == 2) {
                sb.append(pl.get(0)).append(", ").append(pl.get(1)).append('\n');
            }
        }
        return sb.toString().stripTrailing();
    }

    @Override
    public Node node() {
        return area;
    }

    @Override
    public Control control() {
        return area;
    }

    @Override
    protected void display(Object value) {
        List<List<Double>> current;
        try {
            current = parse(area.getText());
        } catch (IllegalArgumentException e) {
            current = null; // the field holds unusable text; replace it with the stored value
        }
        Object want = value instanceof List<?> ? value : null;
        if (current == null || !Objects.equals(current.isEmpty() ? null : current, want)) {
            area.setText(format(value));
        }
    }
}
