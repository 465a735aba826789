package io.skilldesigner.app.models;

import java.util.List;
import java.util.Locale;

import io.skilldesigner.core.model.ModelDescriptor;
import io.skilldesigner.core.model.TensorInfo;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;

/** The read-only facts of a model: location, inputs/outputs, recognised layout with its evidence. */
final class ModelDetails extends VBox {
    private final Label title = new Label();
    private final Label facts = new Label();
    private final Label layout = new Label();
    private final TableView<String[]> io = new TableView<>();

    ModelDetails() {
        super(8);
        setId("model-details");
        setPadding(new Insets(0, 0, 0, 12));
        title.getStyleClass().add("page-title");
        facts.setWrapText(true);
        layout.setId("model-layout");
        layout.setWrapText(true);
        io.setId("model-io");
        io.setPrefHeight(170);
        io.getColumns().setAll(List.of(col("Kind", 0), col("Name", 1), col("Type", 2), col("Shape", 3)));
        io.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        getChildren().addAll(title, facts, layout, new Label("Inputs and outputs"), io);
    }

    private static TableColumn<String[], String> col(String name, int i) {
        TableColumn<String[], String> c = new TableColumn<>(name);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(cd.getValue()[i]));
        return c;
    }

    void show(ModelDescriptor m) {
        title.setText(m.name());
        facts.setText(m.task() + " · " + m.format() + "\nModel: " + m.model().describe()
                + (m.labels() == null ? "" : "\nLabels: " + m.labels().describe())
                + (m.sha256().isEmpty() ? "" : "\nsha256: " + m.sha256())
                + (m.description().isBlank() ? "" : "\n" + m.description()));
        io.getItems().clear();
        if (m.io() == null) {
            layout.setText("Not opened yet.");
            return;
        }
        layout.setText(String.format(Locale.ROOT, "Layout: %s (%.0f%% sure) — %s%s", m.io().detectedLayout(),
                m.io().layoutConfidence() * 100, m.io().layoutEvidence(),
                m.decoder() != null && m.decoder().layout() != m.io().detectedLayout()
                        ? "\nOverridden by you: " + m.decoder().layout() : ""));
        for (TensorInfo t : m.io().inputs()) {
            io.getItems().add(new String[]{"input", t.name(), t.elementType(), t.shape().toString()});
        }
        for (TensorInfo t : m.io().outputs()) {
            io.getItems().add(new String[]{"output", t.name(), t.elementType(), t.shape().toString()});
        }
    }
}
