package io.skilldesigner.canvas.properties;

import io.skilldesigner.canvas.CanvasStyles;

import java.util.Objects;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import io.skilldesigner.core.catalog.ParamRef;
import io.skilldesigner.core.catalog.SettingSpec;
import io.skilldesigner.core.catalog.SettingType;

/**
 * INTEGER and DECIMAL: a number field with step buttons (and Up/Down keys) that stay inside the spec's range.
 * Typed text that is not a number is reported, not stored; out-of-range numbers are stored so the validator
 * (and the validation view) can say what is wrong.
 */
final class NumberSettingEditor extends SettingEditor {
    private final SettingSpec spec;
    private final TextField field = new TextField();
    private final HBox box;

    NumberSettingEditor(SettingSpec spec) {
        this.spec = spec;
        field.setPrefColumnCount(8);
        if (spec.min() != null || spec.max() != null) {
            field.setPromptText(range());
        }
        field.textProperty().addListener((o, a, b) -> fire(parse(b)));
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.UP) {
                step(1);
                e.consume();
            } else if (e.getCode() == KeyCode.DOWN) {
                step(-1);
                e.consume();
            }
        });
        Button up = new Button("▲");
        Button down = new Button("▼");
        up.getStyleClass().add(CanvasStyles.STEP_BUTTON);
        down.getStyleClass().add(CanvasStyles.STEP_BUTTON);
        up.setFocusTraversable(false);
        down.setFocusTraversable(false);
        up.setOnAction(e -> step(1));
        down.setOnAction(e -> step(-1));
        VBox steps = new VBox(up, down);
        box = new HBox(2, field, steps);
        HBox.setHgrow(field, Priority.ALWAYS);
    }

    private String range() {
        String lo = spec.min() == null ? "" : SettingType.DECIMAL.toText(spec.min());
        String hi = spec.max() == null ? "" : SettingType.DECIMAL.toText(spec.max());
        return lo.isEmpty() ? "≤ " + hi : hi.isEmpty() ? "≥ " + lo : lo + " – " + hi;
    }

    private Edit parse(String text) {
        if (text == null || text.isBlank()) {
            return Edit.ok(null);
        }
        if (ParamRef.isParamRef(text.trim())) {
            return Edit.ok(text.trim());
        }
        try {
            return Edit.ok(spec.type().coerce(text));
        } catch (IllegalArgumentException e) {
            return Edit.bad(spec.label() + ": " + e.getMessage());
        }
    }

    private void step(int direction) {
        Edit current = parse(field.getText());
        double v = current.value() instanceof Number n ? n.doubleValue()
                : spec.defaultValue() instanceof Number d ? d.doubleValue() : spec.min() != null ? spec.min() : 0;
        double step = spec.type() == SettingType.INTEGER ? 1
                : spec.max() != null && spec.min() != null && spec.max() - spec.min() <= 1 ? 0.05 : 0.1;
        double next = v + direction * step;
        if (spec.min() != null) {
            next = Math.max(spec.min(), next);
        }
        if (spec.max() != null) {
            next = Math.min(spec.max(), next);
        }
        Object value = spec.type() == SettingType.INTEGER ? (Object) Math.round(next)
                : (Object) (Math.round(next * 1e6) / 1e6);
        field.setText(spec.type().toText(value));
    }

    @Override
    public Node node() {
        return box;
    }

    @Override
    public Control control() {
        return field;
    }

    @Override
    protected void display(Object value) {
        if (!Objects.equals(parse(field.getText()).value(), value)) {
            field.setText(value == null ? "" : spec.type().toText(value));
        }
    }
}
