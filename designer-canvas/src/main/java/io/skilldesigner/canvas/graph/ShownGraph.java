package io.skilldesigner.canvas.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;

import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.catalog.NodeType;
import io.skilldesigner.core.skill.Position;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.skill.SkillEdge;
import io.skilldesigner.core.skill.SkillNode;

/**
 * The skill as the canvas draws it: its nodes by id at their live positions (a drag moves nodes here before the move
 * is recorded as an edit), its edges, and the geometry questions the views, painters and gestures ask of it.
 */
final class ShownGraph {
    private final NodeCatalog catalog;
    private final Map<String, SkillNode> nodesById = new LinkedHashMap<>();
    private final Map<String, Position> livePositions = new HashMap<>();
    private List<SkillEdge> edges = List.of();

    ShownGraph(NodeCatalog catalog) {
        this.catalog = catalog;
    }

    void show(Skill skill) {
        nodesById.clear();
        skill.nodes().forEach(n -> nodesById.put(n.id(), n));
        edges = skill.edges();
        livePositions.keySet().retainAll(nodesById.keySet());
    }

    Map<String, SkillNode> nodes() {
        return nodesById;
    }

    List<SkillEdge> edges() {
        return edges;
    }

    NodeType type(SkillNode n) {
        return catalog.find(n.typeId()).orElse(null);
    }

    Position position(SkillNode n) {
        Position live = livePositions.get(n.id());
        return live != null ? live : n.position();
    }

    /** Moves nodes live, without an edit. */
    void moveLive(Map<String, Position> positions) {
        livePositions.putAll(positions);
    }

    /** The live positions, now forgotten (the caller records them as an edit). */
    Map<String, Position> takeLive() {
        Map<String, Position> moved = new HashMap<>(livePositions);
        livePositions.clear();
        return moved;
    }

    /** The nodes moved live (being dragged). */
    Set<String> movedLive() {
        return livePositions.keySet();
    }

    /** Where a port is drawn, in world units. */
    Point2D portPoint(PortView p) {
        SkillNode n = nodesById.get(p.ref().node());
        NodeType t = catalog.get(n.typeId());
        return p.isInput() ? NodeGeometry.inputPoint(t, p.ref().port(), position(n))
                : NodeGeometry.outputPoint(t, p.ref().port(), position(n));
    }

    /** Both ends of an edge in world units, or null when an end's node or type is unknown. */
    Point2D[] edgeEnds(SkillEdge e) {
        SkillNode a = nodesById.get(e.from().node());
        SkillNode b = nodesById.get(e.to().node());
        if (a == null || b == null) {
            return null;
        }
        NodeType ta = type(a);
        NodeType tb = type(b);
        if (ta == null || tb == null) {
            return null;
        }
        return new Point2D[] {NodeGeometry.outputPoint(ta, e.from().port(), position(a)),
                NodeGeometry.inputPoint(tb, e.to().port(), position(b))};
    }

    /** Bounds of all nodes but some, or null when there are none. */
    Rectangle2D contentBounds(Set<String> except) {
        if (nodesById.size() <= except.size() && except.containsAll(nodesById.keySet())) {
            return null;
        }
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (SkillNode n : nodesById.values()) {
            if (except.contains(n.id())) {
                continue;
            }
            Position p = position(n);
            minX = Math.min(minX, p.x());
            minY = Math.min(minY, p.y());
            maxX = Math.max(maxX, p.x() + NodeGeometry.WIDTH);
            maxY = Math.max(maxY, p.y() + NodeGeometry.HEIGHT);
        }
        return new Rectangle2D(minX, minY, maxX - minX, maxY - minY);
    }

    /** The topmost node whose block covers a world point (the overview has no views to press on). */
    Optional<String> blockAt(Point2D at) {
        String hit = null;
        for (SkillNode n : nodesById.values()) {
            if (covers(position(n), at)) {
                hit = n.id(); // later nodes are drawn over earlier ones
            }
        }
        return Optional.ofNullable(hit);
    }

    /** The nodes whose blocks intersect a world area, in drawing order. */
    List<String> nodesIn(Rectangle2D area) {
        List<String> hit = new ArrayList<>();
        for (SkillNode n : nodesById.values()) {
            Position p = position(n);
            if (area.intersects(p.x(), p.y(), NodeGeometry.WIDTH, NodeGeometry.HEIGHT)) {
                hit.add(n.id());
            }
        }
        return hit;
    }

    static boolean covers(Position block, Point2D at) {
        return at.getX() >= block.x() && at.getX() <= block.x() + NodeGeometry.WIDTH && at.getY() >= block.y()
                && at.getY() <= block.y() + NodeGeometry.HEIGHT;
    }
}
