package io.skilldesigner.canvas.properties;

import java.io.File;
import java.util.Objects;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;

/** FILE_PATH: a path field with a Browse button (a folder chooser when the setting names a folder). */
final class FileSettingEditor extends SettingEditor {
    private final TextField field = new TextField();
    private final HBox box;

    FileSettingEditor(String label, boolean folder) {
        field.textProperty().addListener((o, a, b) -> fire(Edit.ok(b == null || b.isBlank() ? null : b)));
        Button browse = new Button("Browse…");
        browse.setOnAction(e -> {
            File chosen;
            if (folder) {
                DirectoryChooser dc = new DirectoryChooser();
                dc.setTitle(label);
                chosen = dc.showDialog(field.getScene().getWindow());
            } else {
                FileChooser fc = new FileChooser();
                fc.setTitle(label);
                chosen = fc.showOpenDialog(field.getScene().getWindow());
            }
            if (chosen != null) {
                field.setText(chosen.getAbsolutePath());
            }
        });
        box = new HBox(4, field, browse);
        HBox.setHgrow(field, Priority.ALWAYS);
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
        String text = value == null ? "" : String.valueOf(value);
        if (!Objects.equals(text, field.getText())) {
            field.setText(text);
        }
    }
}
