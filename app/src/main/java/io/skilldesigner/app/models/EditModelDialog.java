package io.skilldesigner.app.models;

import java.util.Optional;

import io.skilldesigner.app.ui.TagEditor;
import io.skilldesigner.core.model.ModelDescriptor;
import java.io.File;
import java.nio.file.Path;
import java.util.function.Function;

import io.skilldesigner.core.model.ModelTask;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Edits what the user gave when adding a model: name, task, labels, description and tags (decoder: own view). */
final class EditModelDialog {
    private EditModelDialog() {
    }

    /** The file dialog for a labels file. */
    static File askForLabels(Window owner) {
        FileChooser fc = new FileChooser();
        fc.setTitle("Labels file (one label per line)");
        return fc.showOpenDialog(owner);
    }

    static Optional<ModelEdit> show(ModelDescriptor m,
                                    Function<Window, File> chooseLabels) {
        TextField name = new TextField(m.name());
        name.setId("edit-model-name");
        TextArea description = new TextArea(m.description());
        description.setPrefRowCount(3);
        TagEditor tags = new TagEditor("edit-model-tags");
        tags.setTags(m.tags());
        ChoiceBox<ModelTask> task = new ChoiceBox<>();
        task.setId("edit-model-task");
        task.getItems().setAll(ModelTask.values());
        task.setValue(m.task());
        Path[] newLabels = {null};
        Label labels = new Label(m.labels() == null ? "none" : m.labels().path());
        labels.setId("edit-model-labels");
        Button choose = new Button("Choose labels file…");
        choose.setId("edit-model-choose-labels");
        choose.setMinWidth(Region.USE_PREF_SIZE);
        choose.setOnAction(e -> {
            File f = chooseLabels.apply(choose.getScene().getWindow());
            if (f != null) {
                newLabels[0] = f.toPath();
                labels.setText(f.getAbsolutePath());
            }
        });
        Dialog<ModelEdit> d = new Dialog<>();
        d.setTitle("Edit model");
        d.setHeaderText(m.name());
        d.getDialogPane().setContent(new VBox(8, new Label("Name"), name, new Label("Task"), task,
                new Label("Labels"), new HBox(8, labels, choose), new Label("Description"), description,
                new Label("Tags"), tags));
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(name.textProperty().isEmpty());
        d.setResultConverter(b -> b == ButtonType.OK ? new ModelEdit(name.getText(), task.getValue(),
                description.getText(), tags.tags(), newLabels[0]) : null);
        return d.showAndWait();
    }
}
