package io.skilldesigner.canvas.properties;

import java.util.Objects;

import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;

/** TEXT and URL in a text field; SECRET in a masked field. Blank removes the setting. */
final class TextSettingEditor extends SettingEditor {
    private final TextField field;

    TextSettingEditor(boolean secret) {
        field = secret ? new PasswordField() : new TextField();
        field.textProperty().addListener((o, a, b) -> fire(Edit.ok(b == null || b.isEmpty() ? null : b)));
    }

    @Override
    public Node node() {
        return field;
    }

    @Override
    public Control control() {
        return field;
    }

    @Override
    protected void display(Object value) {
        String text = value == null ? "" : String.valueOf(value);
        if (!Objects.equals(text, field.getText())) {
            field.setText(text);
        }
    }
}
