package io.skilldesigner.engine.analytics;

/** A finite line from a to b in normalised coordinates (y down). */
public record LineSegment(Point a, Point b) {
    public LineSegment {
        if (a.equals(b)) {
            throw new IllegalArgumentException("a line needs two different points, got " + a + " twice");
        }
    }

    /**
     * +1 when p is right of a→b as seen on screen (y grows downwards, so for a line drawn left to right
     * "right" is below it), -1 when left, 0 on the line.
     */
    public int side(Point p) {
        double cross = (b.x() - a.x()) * (p.y() - a.y()) - (b.y() - a.y()) * (p.x() - a.x());
        return cross > 0 ? 1 : cross < 0 ? -1 : 0;
    }

    /**
     * Distance of p from the infinite line through a and b, in normalised units, signed as {@link #side}: positive
     * right of a→b as seen on screen.
     */
    public double signedDistance(Point p) {
        double cross = (b.x() - a.x()) * (p.y() - a.y()) - (b.y() - a.y()) * (p.x() - a.x());
        return cross / Math.hypot(b.x() - a.x(), b.y() - a.y());
    }

    /** True when the path from p to q crosses this segment between a and b (end points included). */
    public boolean crossedBy(Point p, Point q) {
        if (p.equals(q)) {
            return side(p) == 0 && Math.min(a.x(), b.x()) <= p.x() && p.x() <= Math.max(a.x(), b.x())
                    && Math.min(a.y(), b.y()) <= p.y() && p.y() <= Math.max(a.y(), b.y());
        }
        LineSegment path = new LineSegment(p, q);
        return side(p) * side(q) <= 0 && path.side(a) * path.side(b) <= 0;
    }
}
