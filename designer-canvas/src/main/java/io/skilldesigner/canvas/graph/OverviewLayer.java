package io.skilldesigner.canvas.graph;

import java.util.ArrayList;
import java.util.List;
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
 * selection, colours), the zoom changes or the view leaves the painted area. While blocks are dragged, the picture
 * leaves them and their edges out (painted once when the drag starts) and a small second canvas, {@link #moving()},
 * draws only them on every frame.
 */
final class OverviewLayer extends Canvas {
    /** Painted pictures larger than this (pixels per side) are avoided by shrinking the margin. */
    private static final double MAX_SIDE = 4096;
    private final GraphCanvas canvas;
    private final Canvas moving = new Canvas();
    private Key painted;
    private int paints;
    private boolean movingDrawn;

    /** What the picture shows: world area, zoom, content version and the nodes left out (being dragged). */
    private record Key(Rectangle2D area, double scale, long version, Set<String> leftOut) {
    }

    OverviewLayer(GraphCanvas canvas) {
        this.canvas = canvas;
        setMouseTransparent(true);
        setVisible(false);
        moving.setMouseTransparent(true);
        moving.visibleProperty().bind(visibleProperty());
    }

    /** The canvas with the dragged blocks; it goes above this one. */
    Canvas moving() {
        return moving;
    }

    int paints() {
        return paints;
    }

    /**
     * Shows the visible world area, repainting only when the painted picture does not already cover it.
     * {@code dragged} are the nodes being moved live (empty when none).
     */
    void show(Rectangle2D visible, long version, Set<String> dragged) {
        double s = canvas.viewport().scale();
        // what the picture must show: the nodes that stay, wherever the dragged ones go
        Rectangle2D content = canvas.contentBounds(dragged);
        Rectangle2D needed = content == null ? null : intersection(visible, content);
        boolean valid = painted != null && painted.version() == version && painted.scale() == s
                && painted.leftOut().equals(dragged) && (needed == null || GraphCanvas.covers(painted.area(), needed));
        if (!valid) {
            paint(visible, content, s, version, Set.copyOf(dragged));
        }
        // whole pixels: a picture at a fractional offset would be resampled (blurred, and slower) every frame
        Point2D origin = canvas.viewport().toScreen(painted.area().getMinX(), painted.area().getMinY());
        setTranslateX(Math.round(origin.getX()));
        setTranslateY(Math.round(origin.getY()));
        paintMoving(dragged, s);
    }

    private void paint(Rectangle2D visible, Rectangle2D content, double s, long version, Set<String> leftOut) {
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
        List<Point2D[]> lines = new ArrayList<>();
        for (SkillEdge e : canvas.edges()) {
            Point2D[] ends = canvas.edgeEnds(e);
            if (ends != null && !leftOut.contains(e.from().node()) && !leftOut.contains(e.to().node())
                    && area.intersects(Math.min(ends[0].getX(), ends[1].getX()),
                    Math.min(ends[0].getY(), ends[1].getY()), Math.abs(ends[0].getX() - ends[1].getX()) + 1,
                    Math.abs(ends[0].getY() - ends[1].getY()) + 1)) {
                lines.add(ends);
            }
        }
        paintEdges(g, lines, s);
        List<SkillNode> blocks = new ArrayList<>();
        for (SkillNode n : canvas.nodes().values()) {
            Position p = canvas.position(n);
            if (!leftOut.contains(n.id()) && area.intersects(p.x(), p.y(), NodeGeometry.WIDTH, NodeGeometry.HEIGHT)) {
                blocks.add(n);
            }
        }
        paintNodes(g, blocks);
        g.restore();
        painted = new Key(area, s, version, leftOut);
        paints++;
    }

    /** The dragged blocks and their edges on the small canvas that covers just them. */
    private void paintMoving(Set<String> dragged, double s) {
        GraphicsContext g = moving.getGraphicsContext2D();
        if (movingDrawn) {
            g.clearRect(0, 0, moving.getWidth(), moving.getHeight());
            movingDrawn = false;
        }
        if (dragged.isEmpty()) {
            return;
        }
        List<Point2D[]> lines = new ArrayList<>();
        for (SkillEdge e : canvas.edges()) {
            if (dragged.contains(e.from().node()) || dragged.contains(e.to().node())) {
                Point2D[] ends = canvas.edgeEnds(e);
                if (ends != null) {
                    lines.add(ends);
                }
            }
        }
        List<SkillNode> blocks = new ArrayList<>();
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (String id : dragged) {
            SkillNode n = canvas.nodes().get(id);
            if (n != null) {
                blocks.add(n);
                Position p = canvas.position(n);
                minX = Math.min(minX, p.x());
                minY = Math.min(minY, p.y());
                maxX = Math.max(maxX, p.x() + NodeGeometry.WIDTH);
                maxY = Math.max(maxY, p.y() + NodeGeometry.HEIGHT);
            }
        }
        for (Point2D[] l : lines) {
            for (Point2D p : l) {
                minX = Math.min(minX, p.getX());
                minY = Math.min(minY, p.getY());
                maxX = Math.max(maxX, p.getX());
                maxY = Math.max(maxY, p.getY());
            }
        }
        if (blocks.isEmpty()) {
            return;
        }
        Point2D origin = canvas.viewport().toScreen(minX, minY);
        double ox = Math.floor(origin.getX()) - 2;
        double oy = Math.floor(origin.getY()) - 2;
        moving.setWidth(Math.ceil((maxX - minX) * s) + 5);
        moving.setHeight(Math.ceil((maxY - minY) * s) + 5);
        moving.setTranslateX(ox);
        moving.setTranslateY(oy);
        g.save();
        g.translate(-ox, -oy);
        g.translate(canvas.viewport().txProperty().get(), canvas.viewport().tyProperty().get());
        g.scale(s, s);
        paintEdges(g, lines, s);
        paintNodes(g, blocks);
        g.restore();
        movingDrawn = true;
    }

    /** All the lines in one path, stroked once. */
    private void paintEdges(GraphicsContext g, List<Point2D[]> lines, double s) {
        g.setStroke(canvas.colours().get(CanvasColours.EDGE));
        g.setLineWidth(1.2 / s);
        g.beginPath();
        for (Point2D[] ends : lines) {
            g.moveTo(ends[0].getX(), ends[0].getY());
            g.lineTo(ends[1].getX(), ends[1].getY());
        }
        g.stroke();
    }

    private void paintNodes(GraphicsContext g, List<SkillNode> blocks) {
        Set<String> selected = canvas.selectedNodes();
        Color selection = canvas.colours().get(CanvasColours.SELECTION);
        for (SkillNode n : blocks) {
            Position p = canvas.position(n);
            g.setFill(selected.contains(n.id()) ? selection : canvas.categoryColour(canvas.catalogType(n)));
            g.fillRect(p.x(), p.y(), NodeGeometry.WIDTH, NodeGeometry.HEIGHT);
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
