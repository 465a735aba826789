package io.skilldesigner.canvas.graph;

import java.util.List;

import javafx.geometry.Point2D;

import io.skilldesigner.core.catalog.NodeType;
import io.skilldesigner.core.catalog.PortSpec;
import io.skilldesigner.core.skill.Position;

/** Node size and port places in canvas units: inputs along the top edge, outputs along the bottom. */
public final class NodeGeometry {
    public static final double WIDTH = 220;
    public static final double HEIGHT = 72;
    public static final double PORT_RADIUS = 7;
    public static final double GRID = 20;

    private NodeGeometry() {
    }

    public static Point2D inputPoint(NodeType type, String portId, Position at) {
        return portPoint(type.inputs(), portId, at.x(), at.y());
    }

    public static Point2D outputPoint(NodeType type, String portId, Position at) {
        return portPoint(type.outputs(), portId, at.x(), at.y() + HEIGHT);
    }

    /** X offset of the i-th of n ports from the node's left edge. */
    public static double portOffset(int i, int n) {
        return WIDTH * (i + 1) / (n + 1);
    }

    private static Point2D portPoint(List<PortSpec> ports, String portId, double x, double y) {
        int n = ports.size();
        for (int i = 0; i < n; i++) {
            if (ports.get(i).id().equals(portId)) {
                return new Point2D(x + portOffset(i, n), y);
            }
        }
        // a port the type does not declare (an invalid edge): draw it at the middle so the edge is still visible
        return new Point2D(x + WIDTH / 2, y);
    }

    public static double snap(double v) {
        return Math.round(v / GRID) * GRID;
    }
}
