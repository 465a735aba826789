package io.skilldesigner.canvas.graph;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;

/**
 * Pan and zoom: screen = translate + scale * world. The translation is kept to whole pixels: cached bitmaps (node
 * views, the edge layer, the overview) are then copied 1:1 while panning instead of being resampled.
 */
public final class Viewport {
    public static final double MIN_SCALE = 0.05;
    public static final double MAX_SCALE = 3.0;
    /**
     * From this zoom up, zoom levels are whole multiples of {@link #SCALE_STEP}, so that nodes on the 20-unit grid
     * land on whole pixels too.
     */
    static final double SNAP_FROM = 0.4;
    static final double SCALE_STEP = 0.05;
    private final DoubleProperty scale = new SimpleDoubleProperty(this, "scale", 1);
    private final DoubleProperty tx = new SimpleDoubleProperty(this, "tx", 40);
    private final DoubleProperty ty = new SimpleDoubleProperty(this, "ty", 40);

    public DoubleProperty scaleProperty() {
        return scale;
    }

    public DoubleProperty txProperty() {
        return tx;
    }

    public DoubleProperty tyProperty() {
        return ty;
    }

    public double scale() {
        return scale.get();
    }

    public Point2D toWorld(double sx, double sy) {
        return new Point2D((sx - tx.get()) / scale.get(), (sy - ty.get()) / scale.get());
    }

    public Point2D toScreen(double wx, double wy) {
        return new Point2D(tx.get() + wx * scale.get(), ty.get() + wy * scale.get());
    }

    /** The world rectangle seen in a w×h screen area. */
    public Rectangle2D visibleWorld(double w, double h) {
        Point2D a = toWorld(0, 0);
        return new Rectangle2D(a.getX(), a.getY(), Math.max(0, w / scale.get()), Math.max(0, h / scale.get()));
    }

    /** Zooms by a factor keeping the screen point (px, py) over the same world point. */
    public void zoomAt(double factor, double px, double py) {
        double s = snapped(clamp(scale.get() * factor), Math::rint);
        Point2D w = toWorld(px, py);
        scale.set(s);
        tx.set(Math.rint(px - s * w.getX()));
        ty.set(Math.rint(py - s * w.getY()));
    }

    public void panBy(double dx, double dy) {
        tx.set(tx.get() + dx);
        ty.set(ty.get() + dy);
    }

    /** Puts the world point at the screen point. */
    public void centre(double wx, double wy, double sx, double sy) {
        tx.set(Math.rint(sx - scale.get() * wx));
        ty.set(Math.rint(sy - scale.get() * wy));
    }

    /** Shows the world rectangle in a w×h screen area with a margin, never zooming in beyond 1. */
    public void fit(Rectangle2D world, double w, double h, double margin) {
        if (world == null || w <= 0 || h <= 0) {
            return;
        }
        double s = Math.min((w - 2 * margin) / Math.max(1, world.getWidth()),
                (h - 2 * margin) / Math.max(1, world.getHeight()));
        scale.set(snapped(clamp(Math.min(1, s)), Math::floor));
        centre(world.getMinX() + world.getWidth() / 2, world.getMinY() + world.getHeight() / 2, w / 2, h / 2);
    }

    /** The zoom level rounded onto a step (from {@link #SNAP_FROM} up). */
    private double snapped(double s, java.util.function.DoubleUnaryOperator round) {
        if (s < SNAP_FROM) {
            return s;
        }
        double on = clamp(round.applyAsDouble(s / SCALE_STEP) * SCALE_STEP);
        if (Math.abs(on - scale.get()) < 1e-9 && Math.abs(s - scale.get()) > 1e-9) {
            // rounding would undo a small zoom step: take the next level in its direction
            on = clamp(on + Math.signum(s - scale.get()) * SCALE_STEP);
        }
        return on;
    }

    private static double clamp(double s) {
        return Math.max(MIN_SCALE, Math.min(MAX_SCALE, s));
    }
}
