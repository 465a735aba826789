package io.skilldesigner.app.draw;

import java.util.ArrayList;
import java.util.List;

import io.skilldesigner.engine.analytics.Point;
import io.skilldesigner.engine.analytics.Polygon;

/**
 * A zone's polygon or a line's two points while being drawn, in frame fractions (0..1, y down), as the setting
 * stores them. Immutable: every edit returns a new shape. Points snap to the frame's edges within {@link #SNAP}
 * and are kept inside the frame.
 *
 * @param points    the corners in order
 * @param minPoints fewest corners the setting allows (a polygon 3, a line 2): a corner is not removed below it
 * @param maxPoints most corners (a line 2)
 */
public record DrawnShape(List<Point> points, int minPoints, int maxPoints) {
    /** Distance from a frame edge, as a fraction, within which a point snaps onto the edge. */
    public static final double SNAP = 0.02;
    private static final double DECIMALS = 10_000;

    public DrawnShape {
        points = List.copyOf(points);
    }

    /** The shape a stored setting value holds (a list of [x, y]); anything else is an empty shape. */
    public static DrawnShape of(Object value, int minPoints, int maxPoints) {
        List<Point> pts = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object p : list) {
                if (p instanceof List<?> xy && xy.size() == 2 && xy.get(0) instanceof Number x
                        && xy.get(1) instanceof Number y) {
                    pts.add(new Point(x.doubleValue(), y.doubleValue()));
                }
            }
        }
        return new DrawnShape(pts, minPoints, maxPoints);
    }

    public boolean isLine() {
        return maxPoints == 2;
    }

    /** Enough corners to store (the setting's minimum). */
    public boolean isComplete() {
        return points.size() >= minPoints;
    }

    /** The value to store: [[x, y], ...] fractions. */
    public List<List<Double>> value() {
        return points.stream().map(p -> List.of(p.x(), p.y())).toList();
    }

    /** A point clamped into the frame, snapped onto an edge when close to it, rounded to 4 decimals. */
    public static Point snap(Point p) {
        return new Point(snap(p.x()), snap(p.y()));
    }

    private static double snap(double v) {
        double c = Math.max(0, Math.min(1, v));
        c = c < SNAP ? 0 : c > 1 - SNAP ? 1 : c;
        return Math.round(c * DECIMALS) / DECIMALS;
    }

    /**
     * Adds a corner: appended while the shape is incomplete, else inserted into the edge it lengthens least (so a
     * click near an edge splits it). A complete line takes no more points (unchanged).
     */
    public DrawnShape add(Point p) {
        if (points.size() >= maxPoints) {
            return this;
        }
        Point s = snap(p);
        List<Point> out = new ArrayList<>(points);
        if (points.size() < Math.max(3, minPoints)) {
            out.add(s);
        } else {
            int best = 0;
            double bestCost = Double.MAX_VALUE;
            for (int i = 0; i < points.size(); i++) {
                Point a = points.get(i);
                Point b = points.get((i + 1) % points.size());
                double cost = dist(a, s) + dist(s, b) - dist(a, b);
                if (cost < bestCost) {
                    bestCost = cost;
                    best = i;
                }
            }
            out.add(best + 1, s);
        }
        return new DrawnShape(out, minPoints, maxPoints);
    }

    /** Corner {@code i} moved to {@code p} (snapped). */
    public DrawnShape move(int i, Point p) {
        List<Point> out = new ArrayList<>(points);
        out.set(i, snap(p));
        return new DrawnShape(out, minPoints, maxPoints);
    }

    /** The whole shape shifted by (dx, dy), as far as it stays inside the frame. */
    public DrawnShape translate(double dx, double dy) {
        double minX = points.stream().mapToDouble(Point::x).min().orElse(0);
        double maxX = points.stream().mapToDouble(Point::x).max().orElse(1);
        double minY = points.stream().mapToDouble(Point::y).min().orElse(0);
        double maxY = points.stream().mapToDouble(Point::y).max().orElse(1);
        double cx = Math.max(-minX, Math.min(1 - maxX, dx));
        double cy = Math.max(-minY, Math.min(1 - maxY, dy));
        return new DrawnShape(points.stream().map(p -> new Point(round(p.x() + cx), round(p.y() + cy))).toList(),
                minPoints, maxPoints);
    }

    /** Without corner {@code i}; unchanged when that would leave fewer corners than the minimum. */
    public DrawnShape remove(int i) {
        if (points.size() <= minPoints || i < 0 || i >= points.size()) {
            return this;
        }
        List<Point> out = new ArrayList<>(points);
        out.remove(i);
        return new DrawnShape(out, minPoints, maxPoints);
    }

    /** No corners: the next clicks draw the shape anew. */
    public DrawnShape cleared() {
        return new DrawnShape(List.of(), minPoints, maxPoints);
    }

    /**
     * The corner nearest {@code p} within the tolerance (fractions across and down, as a pixel radius differs in
     * x and y), or -1.
     */
    public int cornerAt(Point p, double tolX, double tolY) {
        int best = -1;
        double bestD = Double.MAX_VALUE;
        for (int i = 0; i < points.size(); i++) {
            double nx = (points.get(i).x() - p.x()) / tolX;
            double ny = (points.get(i).y() - p.y()) / tolY;
            double d = nx * nx + ny * ny;
            if (d <= 1 && d < bestD) {
                bestD = d;
                best = i;
            }
        }
        return best;
    }

    /** Whether a press at {@code p} grabs the whole shape: inside a polygon, or on (near) a line. */
    public boolean grabs(Point p, double tolX, double tolY) {
        if (isLine()) {
            if (points.size() < 2) {
                return false;
            }
            Point a = points.get(0);
            Point b = points.get(1);
            // distance to the segment measured in tolerance units, so "near" is the same in x and y on screen
            double ax = a.x() / tolX, ay = a.y() / tolY, bx = b.x() / tolX, by = b.y() / tolY;
            double px = p.x() / tolX, py = p.y() / tolY;
            double dx = bx - ax, dy = by - ay;
            double len2 = dx * dx + dy * dy;
            double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
            return Math.hypot(px - (ax + t * dx), py - (ay + t * dy)) <= 1;
        }
        return points.size() >= 3 && new Polygon(points).contains(p);
    }

    private static double dist(Point a, Point b) {
        return Math.hypot(a.x() - b.x(), a.y() - b.y());
    }

    private static double round(double v) {
        return Math.round(v * DECIMALS) / DECIMALS;
    }
}
