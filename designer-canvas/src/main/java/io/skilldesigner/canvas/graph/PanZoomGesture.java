package io.skilldesigner.canvas.graph;

import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;

/**
 * Pan with the right or middle button held (anywhere, a port or node included), zoom with the mouse wheel at the
 * pointer. While panning the graph does not take the mouse, so hovering over edges on the way does not invalidate
 * the cached edge layer.
 */
final class PanZoomGesture implements Gesture {
    private final Viewport viewport;
    private final Node graph;
    private Point2D last;

    /** @param graph the node and edge views, mouse-transparent while panning */
    PanZoomGesture(GraphCanvas canvas, Viewport viewport, Node graph) {
        this.viewport = viewport;
        this.graph = graph;
        canvas.addEventHandler(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() != 0) {
                viewport.zoomAt(e.getDeltaY() > 0 ? 1.15 : 1 / 1.15, e.getX(), e.getY());
            }
            e.consume();
        });
    }

    @Override
    public boolean press(MouseEvent e) {
        if (e.getButton() != MouseButton.MIDDLE && e.getButton() != MouseButton.SECONDARY) {
            return false;
        }
        last = new Point2D(e.getX(), e.getY());
        graph.setMouseTransparent(true);
        return true;
    }

    @Override
    public void drag(MouseEvent e) {
        viewport.panBy(e.getX() - last.getX(), e.getY() - last.getY());
        last = new Point2D(e.getX(), e.getY());
    }

    @Override
    public void release(MouseEvent e) {
        last = null;
        graph.setMouseTransparent(false);
    }
}
