package io.skilldesigner.app;

import org.controlsfx.control.StatusBar;

import javafx.concurrent.Worker;
import javafx.scene.control.Label;

/** Workspace, the acceleration really available, and the running background task with its progress. */
public final class AppStatusBar extends StatusBar {
    private final Label workspace = new Label();
    private final Label acceleration = new Label();

    public AppStatusBar() {
        setId("status-bar");
        setText("Ready");
        workspace.setId("status-workspace");
        acceleration.setId("status-acceleration");
        workspace.setStyle("-fx-padding: 0 16 0 4;");
        getLeftItems().add(workspace);
        getRightItems().add(acceleration);
    }

    public void setWorkspace(String text) {
        workspace.setText("Workspace: " + text);
    }

    public void setAcceleration(String text) {
        acceleration.setText(text);
    }

    /** Shows a background task's message and progress until it ends. */
    public void track(Worker<?> task) {
        textProperty().bind(task.messageProperty());
        progressProperty().bind(task.progressProperty());
        task.stateProperty().addListener((obs, old, state) -> {
            if (state == Worker.State.SUCCEEDED || state == Worker.State.FAILED || state == Worker.State.CANCELLED) {
                textProperty().unbind();
                progressProperty().unbind();
                setProgress(0);
                setText(state == Worker.State.FAILED && task.getException() != null
                        ? "Failed: " + task.getException().getMessage() : "Ready");
            }
        });
    }
}
