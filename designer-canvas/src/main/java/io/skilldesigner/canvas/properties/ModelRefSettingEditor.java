package io.skilldesigner.canvas.properties;

import java.util.Objects;
import java.util.function.Supplier;

import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.util.StringConverter;

import io.skilldesigner.core.model.ModelDescriptor;
import io.skilldesigner.core.model.ModelLibrary;

/** MODEL_REF: a picker over the model library, showing names and storing ids. */
final class ModelRefSettingEditor extends SettingEditor {
    private final ComboBox<String> box = new ComboBox<>();
    private final Supplier<ModelLibrary> library;

    ModelRefSettingEditor(Supplier<ModelLibrary> library) {
        this.library = library;
        box.setMaxWidth(Double.MAX_VALUE);
        box.setPromptText("Choose a model");
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(String id) {
                if (id == null) {
                    return "";
                }
                return library.get().find(id).map(m -> m.name() + " (" + m.task().name().toLowerCase() + ")")
                        .orElse(id + " (not in library)");
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        box.setOnShowing(e -> reload());
        reload();
        box.valueProperty().addListener((o, a, b) -> fire(Edit.ok(b)));
    }

    private void reload() {
        String keep = box.getValue();
        var ids = library.get().all().stream().map(ModelDescriptor::id).toList();
        if (!box.getItems().equals(ids)) {
            box.getItems().setAll(ids);
        }
        if (keep != null && !box.getItems().contains(keep)) {
            box.getItems().add(keep);
        }
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
            box.getItems().add(v);
        }
        if (!Objects.equals(v, box.getValue())) {
            box.setValue(v);
        }
    }
}
