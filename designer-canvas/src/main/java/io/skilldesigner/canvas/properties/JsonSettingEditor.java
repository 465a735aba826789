package io.skilldesigner.canvas.properties;

import io.skilldesigner.canvas.CanvasStyles;

import java.io.IOException;
import java.io.StringReader;
import java.util.Objects;

import com.google.gson.JsonElement;
import com.google.gson.Strictness;
import com.google.gson.TypeAdapter;
import com.google.gson.Gson;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.TextArea;

/** JSON in a text area, parsed strictly as the user types; a parse error names its line and column. */
final class JsonSettingEditor extends SettingEditor {
    private static final TypeAdapter<JsonElement> ELEMENT = new Gson().getAdapter(JsonElement.class);
    private final TextArea area = new TextArea();

    JsonSettingEditor(String label) {
        area.setPrefRowCount(5);
        area.getStyleClass().add(CanvasStyles.JSON_EDITOR);
        area.textProperty().addListener((o, a, b) -> {
            if (b == null || b.isBlank()) {
                fire(Edit.ok(null));
                return;
            }
            String error = parseError(b);
            fire(error == null ? Edit.ok(b) : Edit.bad(label + ": " + error));
        });
    }

    /** Null when the text is one well-formed JSON value, else "line L, column C: what". */
    static String parseError(String text) {
        try (JsonReader r = new JsonReader(new StringReader(text))) {
            r.setStrictness(Strictness.STRICT);
            ELEMENT.read(r);
            if (r.peek() != JsonToken.END_DOCUMENT) {
                return "unexpected text after the JSON value " + where(r.toString());
            }
            return null;
        } catch (IOException | RuntimeException e) {
            String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return tidy(msg);
        }
    }

    /** Gson says "... at line 2 column 5 path $.a"; show it as "line 2, column 5: ...". */
    private static String tidy(String msg) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(.*?) at line (\\d+) column (\\d+).*", java.util.regex.Pattern.DOTALL)
                .matcher(msg);
        if (m.matches()) {
            String what = m.group(1).replaceFirst("^.*Exception: ", "");
            int cut = what.indexOf("\nSee ");
            return "line " + m.group(2) + ", column " + m.group(3) + ": " + (cut > 0 ? what.substring(0, cut) : what);
        }
        return msg;
    }

    private static String where(String readerText) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("line (\\d+) column (\\d+)").matcher(readerText);
        return m.find() ? "at line " + m.group(1) + ", column " + m.group(2) : "";
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
        String text = value == null ? "" : String.valueOf(value);
        if (!Objects.equals(text, area.getText())) {
            area.setText(text);
        }
    }
}
