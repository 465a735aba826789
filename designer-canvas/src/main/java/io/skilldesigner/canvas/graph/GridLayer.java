package io.skilldesigner.canvas.graph;

import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * The background grid, which is the canvas's opaque background too. It is painted once per zoom level (and size,
 * colours, level of detail) on a canvas one grid step larger than the view; panning only shifts that canvas, which
 * is far cheaper for the software pipeline than re-rasterising the lines every frame.
 */
final class GridLayer extends Canvas {
    private final Viewport viewport;
    private final CanvasColours colours;
    private Key painted;

    /** What the grid bitmap depends on (panning only moves it). */
    private record Key(double w, double h, double step, boolean detail) {
    }

    GridLayer(Viewport viewport, CanvasColours colours) {
        this.viewport = viewport;
        this.colours = colours;
        setMouseTransparent(true);
    }

    /** Paint again on the next {@link #show}, e.g. with new colours. */
    void invalidate() {
        painted = null;
    }

    void show(double w, double h, boolean detail) {
        double step = NodeGeometry.GRID * viewport.scale();
        while (step < 12) {
            step *= 5;
        }
        Key key = new Key(w, h, step, detail);
        if (!key.equals(painted)) {
            painted = key;
            paint(w + step, h + step, step, detail);
        }
        Point2D origin = viewport.toScreen(0, 0);
        // whole pixels: a bitmap at a fractional offset is resampled on every frame (slow in the software pipeline)
        setTranslateX(Math.rint(floorMod(origin.getX(), step) - step));
        setTranslateY(Math.rint(floorMod(origin.getY(), step) - step));
    }

    private void paint(double gw, double gh, double step, boolean detail) {
        setWidth(gw);
        setHeight(gh);
        GraphicsContext g = getGraphicsContext2D();
        // opaque, it is the canvas background too: one copy per frame instead of a fill plus a blend
        g.setFill(colours.get(CanvasColours.BACKGROUND));
        g.fillRect(0, 0, gw, gh);
        Color line = colours.get(CanvasColours.GRID);
        g.setStroke(detail ? line : line.deriveColor(0, 1, 1, 0.66));
        g.setLineWidth(1);
        for (double x = 0; x < gw; x += step) {
            g.strokeLine(Math.floor(x) + 0.5, 0, Math.floor(x) + 0.5, gh);
        }
        for (double y = 0; y < gh; y += step) {
            g.strokeLine(0, Math.floor(y) + 0.5, gw, Math.floor(y) + 0.5);
        }
    }

    private static double floorMod(double v, double m) {
        double r = v % m;
        return r < 0 ? r + m : r;
    }
}
