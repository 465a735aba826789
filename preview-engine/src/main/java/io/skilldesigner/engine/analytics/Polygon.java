package io.skilldesigner.engine.analytics;

import java.util.List;

/** A simple polygon in normalised coordinates. */
public record Polygon(List<Point> corners) {
    public Polygon {
        corners = List.copyOf(corners);
        if (corners.size() < 3) {
            throw new IllegalArgumentException("a polygon needs at least 3 corners, got " + corners.size());
        }
    }

    /** Even-odd ray casting; a point exactly on the left/top edges counts as inside, right/bottom as outside. */
    public boolean contains(Point p) {
        boolean inside = false;
        for (int i = 0, j = corners.size() - 1; i < corners.size(); j = i++) {
            Point a = corners.get(i);
            Point b = corners.get(j);
            if ((a.y() > p.y()) != (b.y() > p.y())
                    && p.x() < (b.x() - a.x()) * (p.y() - a.y()) / (b.y() - a.y()) + a.x()) {
                inside = !inside;
            }
        }
        return inside;
    }
}
