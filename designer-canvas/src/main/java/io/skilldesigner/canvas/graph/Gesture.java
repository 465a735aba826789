package io.skilldesigner.canvas.graph;

import javafx.scene.input.MouseEvent;

/**
 * A gesture that starts with a press on the canvas's background (not taken by a node, port or edge view). The canvas
 * offers the press to its gestures in order; the first that takes it gets the drags and the release.
 */
interface Gesture {
    /** Whether this gesture starts with this press. */
    boolean press(MouseEvent e);

    void drag(MouseEvent e);

    void release(MouseEvent e);
}
