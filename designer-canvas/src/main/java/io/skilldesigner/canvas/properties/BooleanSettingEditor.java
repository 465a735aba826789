package io.skilldesigner.canvas.properties;

import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Control;

/** BOOLEAN as a check box. */
final class BooleanSettingEditor extends SettingEditor {
    private final CheckBox box = new CheckBox();

    BooleanSettingEditor() {
        box.selectedProperty().addListener((o, a, b) -> fire(Edit.ok(b)));
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
        boolean v = Boolean.TRUE.equals(value) || "true".equals(value);
        if (box.isSelected() != v) {
            box.setSelected(v);
        }
    }
}
