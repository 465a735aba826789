package io.skilldesigner.core.catalog.nodes;

import java.util.Map;

/**
 * A node type whose two-point line has an "in" side, which views draw as an arrow at the line's middle (the
 * preview overlay), so the direction is explicit where the line is shown.
 */
public interface DirectedLine {
    /** The key of the two-point POINT_LIST setting holding A and B. */
    String lineKey();

    /** The key of the CHOICE setting that says which side is "in" (its two choices: the arrow's two sides). */
    String inSideKey();

    /** +1 when "in" is the right of A→B as seen on screen (y down), -1 when it is the left; missing = default. */
    int inSide(Map<String, Object> settings);

    /** An arrow from {@code from} to {@code tip}, in the same (pixel) coordinates as the line it was made for. */
    record Arrow(double fromX, double fromY, double tipX, double tipY) {
        /**
         * The arrow at the middle of A→B, perpendicular to it, pointing to {@code side} (+1 right of A→B as seen
         * on screen, -1 left), {@code length} long. Give A and B in pixels: the side does not change with the
         * frame's aspect ratio, the perpendicular does.
         */
        public static Arrow of(double ax, double ay, double bx, double by, int side, double length) {
            double dx = bx - ax;
            double dy = by - ay;
            double norm = Math.hypot(dx, dy);
            if (norm == 0) {
                throw new IllegalArgumentException("a line needs two different points");
            }
            // (-dy, dx) is to the right of (dx, dy) when y grows downwards: their cross product is positive.
            double nx = -dy / norm * side;
            double ny = dx / norm * side;
            double mx = (ax + bx) / 2;
            double my = (ay + by) / 2;
            return new Arrow(mx, my, mx + nx * length, my + ny * length);
        }
    }
}
