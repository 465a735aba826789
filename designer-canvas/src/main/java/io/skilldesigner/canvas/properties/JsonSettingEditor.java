package io.skilldesigner.canvas.properties;

import io.skilldesigner.canvas.CanvasStyles;

import java.io.IOException;
import java.io.StringReader;
import java.util.Map;
import java.util.Objects;

import com.google.gson.JsonElement;
import com.google.gson.Strictness;
import com.google.gson.TypeAdapter;
import com.google.gson.Gson;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

import io.skilldesigner.core.catalog.SettingSpec;
import io.skilldesigner.core.secrets.EnvEntries;
import io.skilldesigner.core.secrets.Secrecy;
import io.skilldesigner.core.skill.SkillNode;

/**
 * JSON in a text area, parsed strictly as the user types; a parse error names its line and column. Each
 * {@code "NAME=value"} entry of its arrays (Docker's {@code Env} in create options) gets a "Secret" tick below,
 * pre-ticked by {@link Secrecy#suggested}; the user's tick wins.
 */
final class JsonSettingEditor extends SettingEditor {
    private static final TypeAdapter<JsonElement> ELEMENT = new Gson().getAdapter(JsonElement.class);
    private final TextArea area = new TextArea();
    private final SettingSpec spec;
    private final FlowPane ticks = new FlowPane(8, 2);
    private final VBox box;

    JsonSettingEditor(SettingSpec spec) {
        this.spec = spec;
        String label = spec.label();
        Label secret = new Label("Secret Env entries:");
        ticks.getChildren().add(secret);
        ticks.setId("secret-env-" + spec.key());
        box = new VBox(3, area, ticks);
        showTicks(false);
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
        return box;
    }

    private void showTicks(boolean on) {
        ticks.setVisible(on);
        ticks.setManaged(on);
    }

    /** One tick per Env entry of the JSON as it is now, as the node's marks say (or the guess). */
    @Override
    protected void displayMarks(SkillNode node) {
        Map<String, String> entries = EnvEntries.of(area.getText());
        ticks.getChildren().remove(1, ticks.getChildren().size());
        entries.forEach((name, value) -> {
            CheckBox tick = new CheckBox(name);
            tick.setMnemonicParsing(false); // LOG_LEVEL, not LOGLEVEL with an L shortcut
            tick.setId("secret-" + spec.key() + "-" + name);
            tick.setTooltip(new Tooltip("Keep " + name + "'s value out of workspace files, packages, KAN exports"
                    + " and logs"));
            tick.setSelected(Secrecy.entry(spec, node, spec.key(), name, value));
            tick.setDisable(!Secrecy.canUnmark(spec));
            tick.selectedProperty().addListener((o, a, b) -> fireMark(new MarkEdit(name, b)));
            ticks.getChildren().add(tick);
        });
        showTicks(!entries.isEmpty());
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
