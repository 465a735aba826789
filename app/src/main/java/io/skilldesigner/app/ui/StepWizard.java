package io.skilldesigner.app.ui;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Steps in a row (as in the original portal: Basics → … → Review + Create) with Back / Next / Create / Cancel.
 * A step's problems are shown under it and keep the user on it; Create runs only from the last step and only
 * when it has no problems.
 */
public final class StepWizard extends BorderPane {
    private final List<WizardStep> steps;
    private final IntegerProperty index = new SimpleIntegerProperty(-1);
    private final HBox header = new HBox(18);
    private final Label problems = new Label();
    private final Button back = new Button("Back");
    private final Button next = new Button("Next");
    private final Button create = new Button();
    private final Button cancel = new Button("Cancel");

    public StepWizard(String id, List<WizardStep> steps, String createText, Runnable onCreate, Runnable onCancel) {
        this.steps = new ArrayList<>(steps);
        setId(id);
        getStyleClass().add("wizard");
        header.setPadding(new Insets(0, 0, 12, 0));
        for (int i = 0; i < steps.size(); i++) {
            Label l = new Label((i + 1) + ". " + steps.get(i).title());
            l.getStyleClass().add("wizard-step");
            header.getChildren().add(l);
        }
        problems.setId(id + "-problems");
        problems.getStyleClass().add("badge-error");
        problems.setWrapText(true);
        back.setId(id + "-back");
        next.setId(id + "-next");
        create.setId(id + "-create");
        cancel.setId(id + "-cancel");
        create.setText(createText);
        create.setDefaultButton(true);
        back.setOnAction(e -> go(index.get() - 1));
        next.setOnAction(e -> {
            if (checkCurrent()) {
                go(index.get() + 1);
            }
        });
        create.setOnAction(e -> {
            if (checkCurrent()) {
                onCreate.run();
            }
        });
        cancel.setOnAction(e -> onCancel.run());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, cancel, spacer, back, next, create);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        buttons.setPadding(new Insets(12, 0, 0, 0));
        setTop(header);
        setBottom(new VBox(6, problems, buttons));
        go(0);
    }

    private boolean checkCurrent() {
        List<String> p = steps.get(index.get()).problems().get();
        problems.setText(String.join("\n", p));
        return p.isEmpty();
    }

    public void go(int i) {
        if (i < 0 || i >= steps.size()) {
            return;
        }
        index.set(i);
        problems.setText("");
        for (int k = 0; k < header.getChildren().size(); k++) {
            header.getChildren().get(k).setStyle(k == i ? "-fx-font-weight: bold; -fx-underline: true;" : "");
        }
        steps.get(i).onEnter().run();
        setCenter(steps.get(i).content());
        back.setDisable(i == 0);
        next.setVisible(i < steps.size() - 1);
        next.setManaged(next.isVisible());
        create.setVisible(i == steps.size() - 1);
        create.setManaged(create.isVisible());
    }

    public int currentStep() {
        return index.get();
    }

    /** Shows problems found outside a step's own check (e.g. when creating fails). */
    public void showProblems(List<String> p) {
        problems.setText(String.join("\n", p));
    }
}
