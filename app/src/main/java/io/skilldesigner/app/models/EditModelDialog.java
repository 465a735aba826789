package io.skilldesigner.app.models;

import java.util.Optional;

import io.skilldesigner.app.ui.TagEditor;
import io.skilldesigner.core.model.ModelDescriptor;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/** Edits what the user wrote about a model: name, description and tags (files and decoder have their own views). */
final class EditModelDialog {
    private EditModelDialog() {
    }

    static Optional<ModelDescriptor> show(ModelDescriptor m) {
        TextField name = new TextField(m.name());
        name.setId("edit-model-name");
        TextArea description = new TextArea(m.description());
        description.setPrefRowCount(3);
        TagEditor tags = new TagEditor("edit-model-tags");
        tags.setTags(m.tags());
        Dialog<ModelDescriptor> d = new Dialog<>();
        d.setTitle("Edit model");
        d.setHeaderText(m.name());
        d.getDialogPane().setContent(new VBox(8, new Label("Name"), name, new Label("Description"), description,
                new Label("Tags"), tags));
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(name.textProperty().isEmpty());
        d.setResultConverter(b -> b == ButtonType.OK ? new ModelDescriptor(m.id(), name.getText().trim(), m.task(),
                m.format(), m.model(), m.labels(), description.getText(), tags.tags(), m.io(), m.decoder(),
                m.sha256()) : null);
        return d.showAndWait();
    }
}
