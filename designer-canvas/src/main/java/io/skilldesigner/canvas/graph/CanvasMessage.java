package io.skilldesigner.canvas.graph;

import io.skilldesigner.canvas.CanvasStyles;

import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.util.Duration;

/** A notice over the canvas's top-left corner (e.g. why a connection was refused) that goes away after a while. */
final class CanvasMessage extends Label {
    private final PauseTransition timer = new PauseTransition(Duration.seconds(5));
    private final ReadOnlyStringWrapper last = new ReadOnlyStringWrapper(this, "message", "");

    CanvasMessage() {
        getStyleClass().add(CanvasStyles.CANVAS_MESSAGE);
        setId("canvas-message");
        setVisible(false);
        setWrapText(true);
        setMaxWidth(460);
        timer.setOnFinished(e -> setVisible(false));
    }

    /** The last notice shown. */
    ReadOnlyStringProperty lastProperty() {
        return last.getReadOnlyProperty();
    }

    void show(String text) {
        last.set(text);
        setText(text);
        setVisible(true);
        autosize();
        timer.playFromStart();
    }
}
