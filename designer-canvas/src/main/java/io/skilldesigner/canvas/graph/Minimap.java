package io.skilldesigner.canvas.graph;

import io.skilldesigner.canvas.CanvasStyles;

import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;

import io.skilldesigner.core.catalog.NodeType;
import io.skilldesigner.core.skill.Position;
import io.skilldesigner.core.skill.SkillNode;

/**
 * The whole graph in miniature with the visible area outlined; click or drag in it to move the view. Shown only
 * while part of the graph is outside the view.
 */
public final class Minimap extends Canvas {
    private static final double W = 170;
    private static final double H = 110;
    private final GraphCanvas canvas;
    private Rectangle2D shown;
    private double factor = 1;
    private boolean enabled = true;

    Minimap(GraphCanvas canvas) {
        super(W, H);
        this.canvas = canvas;
        setId("minimap");
        getStyleClass().add(CanvasStyles.MINIMAP);
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::jump);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::jump);
        addEventHandler(MouseEvent.MOUSE_RELEASED, MouseEvent::consume);
    }

    private void jump(MouseEvent e) {
        e.consume();
        if (shown == null) {
            return;
        }
        double wx = shown.getMinX() + (e.getX() - 4) / factor;
        double wy = shown.getMinY() + (e.getY() - 4) / factor;
        canvas.viewport().centre(wx, wy, canvas.getWidth() / 2, canvas.getHeight() / 2);
    }

    /** Off for small read-only views (the live preview's graph): never shown then. */
    public void setEnabled(boolean on) {
        enabled = on;
        redraw();
    }

    /** Minimap coordinates of a world point (for tests). */
    public Point2D toMinimap(double wx, double wy) {
        return shown == null ? Point2D.ZERO
                : new Point2D(4 + (wx - shown.getMinX()) * factor, 4 + (wy - shown.getMinY()) * factor);
    }

    void redraw() {
        GraphicsContext g = getGraphicsContext2D();
        CanvasColours colours = canvas.colours();
        g.clearRect(0, 0, W, H);
        g.setFill(colours.get(CanvasColours.PANEL).deriveColor(0, 1, 1, 0.92));
        g.fillRect(0, 0, W, H);
        g.setStroke(colours.get(CanvasColours.PANEL_BORDER));
        g.strokeRect(0.5, 0.5, W - 1, H - 1);
        Rectangle2D content = canvas.contentBounds();
        Rectangle2D vis = canvas.visibleWorld();
        // only useful when part of the graph is out of view; otherwise it would just cover nodes
        boolean needed = enabled && content != null && !vis.contains(content);
        setVisible(needed);
        if (!needed) {
            shown = null;
            return;
        }
        double minX = Math.min(content.getMinX(), vis.getMinX());
        double minY = Math.min(content.getMinY(), vis.getMinY());
        double maxX = Math.max(content.getMaxX(), vis.getMaxX());
        double maxY = Math.max(content.getMaxY(), vis.getMaxY());
        shown = new Rectangle2D(minX, minY, Math.max(1, maxX - minX), Math.max(1, maxY - minY));
        factor = Math.min((W - 8) / shown.getWidth(), (H - 8) / shown.getHeight());
        for (SkillNode n : canvas.nodes().values()) {
            Position p = canvas.position(n);
            NodeType t = canvas.catalogType(n);
            g.setFill(canvas.categoryColour(t));
            g.fillRect(4 + (p.x() - minX) * factor, 4 + (p.y() - minY) * factor,
                    Math.max(1.5, NodeGeometry.WIDTH * factor), Math.max(1.5, NodeGeometry.HEIGHT * factor));
        }
        g.setStroke(colours.get(CanvasColours.SELECTION));
        g.setLineWidth(1.5);
        g.strokeRect(4 + (vis.getMinX() - minX) * factor, 4 + (vis.getMinY() - minY) * factor,
                vis.getWidth() * factor, vis.getHeight() * factor);
    }
}
