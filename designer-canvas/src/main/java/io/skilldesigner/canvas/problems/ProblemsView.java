package io.skilldesigner.canvas.problems;

import io.skilldesigner.canvas.CanvasStyles;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;

import io.skilldesigner.core.validation.Problem;

/** Every problem of the skill; clicking one with a node selects and centres that node. */
public final class ProblemsView extends BorderPane {
    private final ListView<Problem> list = new ListView<>();
    private static final double ROW = 24;
    private final Label summary = new Label();

    /**
     * @param nodeName display name for a node id (for the list text)
     * @param onPick   called with the node id of a clicked problem
     */
    public ProblemsView(Function<String, String> nodeName, Consumer<String> onPick) {
        getStyleClass().add(CanvasStyles.PROBLEMS_VIEW);
        setId("problems");
        list.setId("problems-list");
        summary.getStyleClass().add(CanvasStyles.PROBLEMS_SUMMARY);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Problem p, boolean empty) {
                super.updateItem(p, empty);
                getStyleClass().removeAll(CanvasStyles.PROBLEM_ERROR, CanvasStyles.PROBLEM_WARNING);
                if (empty || p == null) {
                    setText(null);
                    return;
                }
                getStyleClass().add(p.isError() ? CanvasStyles.PROBLEM_ERROR : CanvasStyles.PROBLEM_WARNING);
                String where = p.nodeId().isEmpty() ? "Skill" : nodeName.apply(p.nodeId());
                setText((p.isError() ? "✖ " : "⚠ ") + where + ": " + p.message());
            }
        });
        list.setOnMouseClicked(e -> {
            Problem p = list.getSelectionModel().getSelectedItem();
            if (p != null && !p.nodeId().isEmpty()) {
                onPick.accept(p.nodeId());
            }
        });
        setTop(summary);
        setCenter(list);
        setProblems(List.of());
    }

    public void setProblems(List<Problem> problems) {
        list.getItems().setAll(problems);
        // as tall as its problems (up to four rows), nothing but the summary when there are none: room for the canvas
        list.setVisible(!problems.isEmpty());
        list.setManaged(!problems.isEmpty());
        list.setPrefHeight(Math.min(4, Math.max(1, problems.size())) * ROW + 4);
        long errors = problems.stream().filter(Problem::isError).count();
        summary.setText(problems.isEmpty() ? "No problems"
                : errors + " error" + (errors == 1 ? "" : "s") + ", " + (problems.size() - errors) + " warning"
                        + (problems.size() - errors == 1 ? "" : "s"));
    }

    public ListView<Problem> list() {
        return list;
    }
}
