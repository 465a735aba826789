package io.skilldesigner.canvas.graph;

import io.skilldesigner.canvas.CanvasStyles;

import java.util.Arrays;

import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;

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
    private final int[] pixels = new int[(int) W * (int) H];
    private WritableImage picture;
    private PictureKey pictureKey;
    private long contentVersion;

    /** What the cached picture of the nodes shows. */
    private record PictureKey(long version, Rectangle2D shown) {
    }

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
        redraw(contentVersion);
    }

    /**
     * Repaints the panel and the view outline; the node rectangles come from a picture painted only when the graph
     * (content version) or the mapped area changes, so panning costs one small image copy instead of a rectangle per
     * node.
     */
    void redraw(long version) {
        contentVersion = version;
        GraphicsContext g = getGraphicsContext2D();
        CanvasColours colours = canvas.colours();
        g.clearRect(0, 0, W, H);
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
        PictureKey key = new PictureKey(version, shown);
        if (!key.equals(pictureKey)) {
            pictureKey = key;
            paintPicture(colours);
        }
        g.drawImage(picture, 0, 0);
        g.setStroke(colours.get(CanvasColours.SELECTION));
        g.setLineWidth(1.5);
        g.strokeRect(4 + (vis.getMinX() - minX) * factor, 4 + (vis.getMinY() - minY) * factor,
                vis.getWidth() * factor, vis.getHeight() * factor);
    }

    /**
     * Panel, border and one rectangle per node, written straight into pixels: a few microseconds per node and no
     * render pass, so repainting it on every frame of a drag costs little.
     */
    private void paintPicture(CanvasColours colours) {
        int w = (int) W;
        int h = (int) H;
        Arrays.fill(pixels, argb(colours.get(CanvasColours.PANEL).deriveColor(0, 1, 1, 0.92)));
        int border = argb(colours.get(CanvasColours.PANEL_BORDER));
        fill(0, 0, w, 1, border);
        fill(0, h - 1, w, 1, border);
        fill(0, 0, 1, h, border);
        fill(w - 1, 0, 1, h, border);
        for (SkillNode n : canvas.nodes().values()) {
            Position p = canvas.position(n);
            int x = (int) Math.floor(4 + (p.x() - shown.getMinX()) * factor);
            int y = (int) Math.floor(4 + (p.y() - shown.getMinY()) * factor);
            int rw = (int) Math.max(2, Math.round(NodeGeometry.WIDTH * factor));
            int rh = (int) Math.max(2, Math.round(NodeGeometry.HEIGHT * factor));
            fill(x, y, rw, rh, argb(canvas.categoryColour(canvas.catalogType(n))));
        }
        if (picture == null) {
            picture = new WritableImage(w, h);
        }
        picture.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), pixels, 0, w);
    }

    private void fill(int x, int y, int rw, int rh, int colour) {
        int w = (int) W;
        int h = (int) H;
        for (int row = Math.max(0, y); row < Math.min(h, y + rh); row++) {
            Arrays.fill(pixels, row * w + Math.max(0, x), row * w + Math.max(0, Math.min(w, x + rw)), colour);
        }
    }

    private static int argb(Color c) {
        return (int) Math.round(c.getOpacity() * 255) << 24 | (int) Math.round(c.getRed() * 255) << 16
                | (int) Math.round(c.getGreen() * 255) << 8 | (int) Math.round(c.getBlue() * 255);
    }
}
