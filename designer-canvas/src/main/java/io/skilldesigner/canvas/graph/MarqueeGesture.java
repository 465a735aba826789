package io.skilldesigner.canvas.graph;

import io.skilldesigner.canvas.CanvasStyles;

import java.util.List;

import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.shape.Rectangle;

import io.skilldesigner.canvas.edit.EditorModel;

/**
 * Selection on the background: dragging draws a rubber band and selects the nodes it touches (Shift or Ctrl adds
 * them to the selection); a plain click clears the selection.
 */
final class MarqueeGesture implements Gesture {
    private final Viewport viewport;
    private final ShownGraph graph;
    private final EditorModel model;
    private final Rectangle band = new Rectangle();
    private Point2D start;

    MarqueeGesture(Viewport viewport, ShownGraph graph, EditorModel model) {
        this.viewport = viewport;
        this.graph = graph;
        this.model = model;
        band.getStyleClass().add(CanvasStyles.RUBBER_BAND);
        band.setVisible(false);
    }

    /** The rubber band, in the canvas's (screen) coordinates; it goes on the overlay. */
    Rectangle band() {
        return band;
    }

    @Override
    public boolean press(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY) {
            return false;
        }
        start = new Point2D(e.getX(), e.getY());
        return true;
    }

    @Override
    public void drag(MouseEvent e) {
        band.setVisible(true);
        band.setX(Math.min(start.getX(), e.getX()));
        band.setY(Math.min(start.getY(), e.getY()));
        band.setWidth(Math.abs(e.getX() - start.getX()));
        band.setHeight(Math.abs(e.getY() - start.getY()));
    }

    @Override
    public void release(MouseEvent e) {
        boolean add = e.isShiftDown() || e.isShortcutDown();
        if (band.isVisible()) {
            select(add);
        } else if (!add) {
            model.clearSelection();
        }
        band.setVisible(false);
        start = null;
    }

    private void select(boolean add) {
        Point2D a = viewport.toWorld(band.getX(), band.getY());
        Point2D b = viewport.toWorld(band.getX() + band.getWidth(), band.getY() + band.getHeight());
        List<String> hit = graph.nodesIn(new Rectangle2D(a.getX(), a.getY(), b.getX() - a.getX(), b.getY() - a.getY()));
        if (add) {
            model.selectedNodes().addAll(hit);
        } else {
            model.select(hit, List.of());
        }
    }
}
