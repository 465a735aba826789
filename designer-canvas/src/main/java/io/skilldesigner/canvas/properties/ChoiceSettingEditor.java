package io.skilldesigner.canvas.properties;

import java.util.Objects;

import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;

import io.skilldesigner.core.catalog.SettingSpec;

/** CHOICE in a drop-down of the spec's choices. */
final class ChoiceSettingEditor extends SettingEditor {
    private final ComboBox<String> box = new ComboBox<>();

    ChoiceSettingEditor(SettingSpec spec) {
        box.getItems().setAll(spec.choices());
        box.setMaxWidth(Double.MAX_VALUE);
        box.valueProperty().addListener((o, a, b) -> fire(Edit.ok(b)));
    }

    @Override
    public Node node() {
        return box;
    }

    @Override
    public Control control() {
        return box;
    }

    @Override
    protected void display(Object value) {
        String v = value == null ? null : String.valueOf(value);
        if (v != null && !box.getItems().contains(v)) {
            box.getItems().add(v); // keep an unknown value visible; the validator reports it
        }
        if (!Objects.equals(v, box.getValue())) {
            box.setValue(v);
        }
    }
}
