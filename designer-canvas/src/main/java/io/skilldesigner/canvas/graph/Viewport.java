package io.skilldesigner.canvas.graph;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;

/** Pan and zoom: screen = translate + scale * world. */
public final class Viewport {
    public static final double MIN_SCALE = 0.05;
    public static final double MAX_SCALE = 3.0;
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
        double s = clamp(scale.get() * factor);
        Point2D w = toWorld(px, py);
        scale.set(s);
        tx.set(px - s * w.getX());
        ty.set(py - s * w.getY());
    }

    public void panBy(double dx, double dy) {
        tx.set(tx.get() + dx);
        ty.set(ty.get() + dy);
    }

    /** Puts the world point at the screen point. */
    public void centre(double wx, double wy, double sx, double sy) {
        tx.set(sx - scale.get() * wx);
        ty.set(sy - scale.get() * wy);
    }

    /** Shows the world rectangle in a w×h screen area with a margin, never zooming in beyond 1. */
    public void fit(Rectangle2D world, double w, double h, double margin) {
        if (world == null || w <= 0 || h <= 0) {
            return;
        }
        double s = Math.min((w - 2 * margin) / Math.max(1, world.getWidth()),
                (h - 2 * margin) / Math.max(1, world.getHeight()));
        scale.set(clamp(Math.min(1, s)));
        centre(world.getMinX() + world.getWidth() / 2, world.getMinY() + world.getHeight() / 2, w / 2, h / 2);
    }

    private static double clamp(double s) {
        return Math.max(MIN_SCALE, Math.min(MAX_SCALE, s));
    }
}
