package io.skilldesigner.canvas.graph;

import java.util.Set;

import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

import io.skilldesigner.core.skill.Position;
import io.skilldesigner.core.skill.SkillEdge;
import io.skilldesigner.core.skill.SkillNode;

/**
 * The graph far zoomed out (level of detail): nodes as plain coloured blocks, all edges as one batched path of
 * straight lines, no text, icons, ports or badges. The picture covers the visible area plus half a view on each side
 * (clipped to the graph) and is only moved while panning; it is repainted when the content changes (an edit, the
 * selection, colours), the zoom changes or the view leaves the painted area.
 */
final class OverviewLayer extends Canvas {
    /** Painted pictures larger than this (pixels per side) are avoided by shrinking the margin. */
    private static final double MAX_SIDE = 4096;
    private final GraphCanvas canvas;
    private Key painted;
    private int paints;

    /** What the picture shows: world area, zoom and content version. */
    private record Key(Rectangle2D area, double scale, long version) {
    }

    OverviewLayer(GraphCanvas canvas) {
        this.canvas = canvas;
        setMouseTransparent(true);
        setVisible(false);
    }

    int paints() {
        return paints;
    }

    /** Shows the visible world area, repainting only when the painted picture does not already cover it. */
    void show(Rectangle2D visible, long version) {
        double s = canvas.viewport().scale();
        Rectangle2D content = canvas.contentBounds();
        Rectangle2D needed = content == null ? null : intersection(visible, content);
        boolean valid = painted != null && painted.version() == version && painted.scale() == s
                && (needed == null || GraphCanvas.covers(painted.area(), needed));
        if (!valid) {
            paint(visible, content, s, version);
        }
        // whole pixels: a picture at a fractional offset would be resampled (blurred, and slower) every frame
        Point2D origin = canvas.viewport().toScreen(painted.area().getMinX(), painted.area().getMinY());
        setTranslateX(Math.round(origin.getX()));
        setTranslateY(Math.round(origin.getY()));
    }

    private void paint(Rectangle2D visible, Rectangle2D content, double s, long version) {
        double mx = Math.min(visible.getWidth() / 2, Math.max(0, (MAX_SIDE / s - visible.getWidth()) / 2));
        double my = Math.min(visible.getHeight() / 2, Math.max(0, (MAX_SIDE / s - visible.getHeight()) / 2));
        Rectangle2D wanted = GraphCanvas.grow(visible, mx, my);
        Rectangle2D area = content == null ? null : intersection(wanted, GraphCanvas.grow(content, 2, 2));
        if (area == null) {
            area = new Rectangle2D(visible.getMinX(), visible.getMinY(), 1, 1);
        }
        double pw = Math.ceil(area.getWidth() * s) + 1;
        double ph = Math.ceil(area.getHeight() * s) + 1;
        setWidth(pw);
        setHeight(ph);
        GraphicsContext g = getGraphicsContext2D();
        g.clearRect(0, 0, pw, ph);
        g.save();
        g.scale(s, s);
        g.translate(-area.getMinX(), -area.getMinY());
        paintEdges(g, area, s);
        paintNodes(g, area);
        g.restore();
        painted = new Key(area, s, version);
        paints++;
    }

    /** All edges in one path, stroked once. */
    private void paintEdges(GraphicsContext g, Rectangle2D area, double s) {
        g.setStroke(canvas.colours().get(CanvasColours.EDGE));
        g.setLineWidth(1.2 / s);
        g.beginPath();
        for (SkillEdge e : canvas.edges()) {
            Point2D[] ends = canvas.edgeEnds(e);
            if (ends != null && area.intersects(Math.min(ends[0].getX(), ends[1].getX()),
                    Math.min(ends[0].getY(), ends[1].getY()), Math.abs(ends[0].getX() - ends[1].getX()) + 1,
                    Math.abs(ends[0].getY() - ends[1].getY()) + 1)) {
                g.moveTo(ends[0].getX(), ends[0].getY());
                g.lineTo(ends[1].getX(), ends[1].getY());
            }
        }
        g.stroke();
    }

    private void paintNodes(GraphicsContext g, Rectangle2D area) {
        Set<String> selected = canvas.selectedNodes();
        Color selection = canvas.colours().get(CanvasColours.SELECTION);
        for (SkillNode n : canvas.nodes().values()) {
            Position p = canvas.position(n);
            if (area.intersects(p.x(), p.y(), NodeGeometry.WIDTH, NodeGeometry.HEIGHT)) {
                g.setFill(selected.contains(n.id()) ? selection : canvas.categoryColour(canvas.catalogType(n)));
                g.fillRect(p.x(), p.y(), NodeGeometry.WIDTH, NodeGeometry.HEIGHT);
            }
        }
    }

    private static Rectangle2D intersection(Rectangle2D a, Rectangle2D b) {
        double minX = Math.max(a.getMinX(), b.getMinX());
        double minY = Math.max(a.getMinY(), b.getMinY());
        double maxX = Math.min(a.getMaxX(), b.getMaxX());
        double maxY = Math.min(a.getMaxY(), b.getMaxY());
        return maxX <= minX || maxY <= minY ? null : new Rectangle2D(minX, minY, maxX - minX, maxY - minY);
    }
}
