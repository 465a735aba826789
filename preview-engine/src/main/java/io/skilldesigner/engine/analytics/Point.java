package io.skilldesigner.engine.analytics;

import java.util.List;

/** A point in normalised frame coordinates (0..1, y down). */
public record Point(double x, double y) {
    /** A POINT_LIST setting's [x, y] pairs as points. */
    static List<Point> all(List<List<Double>> pairs) {
        return pairs.stream().map(xy -> new Point(xy.get(0), xy.get(1))).toList();
    }
}
