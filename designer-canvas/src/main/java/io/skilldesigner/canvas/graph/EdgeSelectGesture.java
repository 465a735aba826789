package io.skilldesigner.canvas.graph;

import java.util.List;

import javafx.scene.input.MouseButton;

import io.skilldesigner.canvas.edit.EditorModel;

/** A click on an edge selects it; with Shift or Ctrl it toggles it in the selection. */
final class EdgeSelectGesture {
    private final GraphCanvas canvas;
    private final EditorModel model;

    EdgeSelectGesture(GraphCanvas canvas, EditorModel model) {
        this.canvas = canvas;
        this.model = model;
    }

    void attach(EdgeView v) {
        v.setOnMousePressed(e -> {
            if (e.getButton() != MouseButton.PRIMARY) {
                return;
            }
            canvas.requestFocus();
            if (e.isShiftDown() || e.isShortcutDown()) {
                if (!model.selectedEdges().remove(v.edge())) {
                    model.selectedEdges().add(v.edge());
                }
            } else {
                model.select(List.of(), List.of(v.edge()));
            }
            e.consume();
        });
    }
}
