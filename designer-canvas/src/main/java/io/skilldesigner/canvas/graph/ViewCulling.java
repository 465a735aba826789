package io.skilldesigner.canvas.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Group;
import javafx.scene.layout.Region;

import io.skilldesigner.canvas.StatusBadge;
import io.skilldesigner.core.catalog.NodeType;
import io.skilldesigner.core.skill.Position;
import io.skilldesigner.core.skill.SkillEdge;
import io.skilldesigner.core.skill.SkillNode;

/**
 * The node and edge views at detail zoom, made only for what is inside the viewport (culling). Node views are made
 * on first sight and dropped when far too many hidden ones piled up; edge views are materialised for the visible
 * area plus half a view on each side and their layer is cached as one bitmap, so most pan frames only move it.
 * New views are handed to the gestures through {@code decorate} callbacks.
 */
final class ViewCulling {
    private static final int MAX_HIDDEN_VIEWS = 400;
    private final ShownGraph graph;
    private final Set<String> selectedNodes;
    private final Set<SkillEdge> selectedEdges;
    private final IconCache icons;
    private final BiConsumer<String, String> onRename;
    private final Consumer<NodeView> decorateNode;
    private final Consumer<EdgeView> decorateEdge;
    private final Group edgeLayer = new Group();
    private final Group nodeLayer = new Group();
    private final Map<String, NodeView> nodeViews = new HashMap<>();
    private final Map<SkillEdge, EdgeView> edgeViews = new HashMap<>();
    private final Map<SkillEdge, Point2D[]> edgeEnds = new HashMap<>();
    private Function<String, StatusBadge> statusSource = id -> null;
    /** World area whose edge views are materialised, and the content version it was culled for. */
    private Rectangle2D materialised;
    private long culledVersion = -1;

    /** @param onRename what renaming a node on its view does; null: names cannot be edited (read-only graph) */
    ViewCulling(ShownGraph graph, Set<String> selectedNodes, Set<SkillEdge> selectedEdges, IconCache icons,
            BiConsumer<String, String> onRename, Consumer<NodeView> decorateNode, Consumer<EdgeView> decorateEdge) {
        this.graph = graph;
        this.selectedNodes = selectedNodes;
        this.selectedEdges = selectedEdges;
        this.icons = icons;
        this.onRename = onRename;
        this.decorateNode = decorateNode;
        this.decorateEdge = decorateEdge;
        // the edges are rendered once into a bitmap and moved while panning; changes to the edges re-render it
        edgeLayer.setCache(true);
    }

    Group edgeLayer() {
        return edgeLayer;
    }

    Group nodeLayer() {
        return nodeLayer;
    }

    void setStatusSource(Function<String, StatusBadge> source) {
        statusSource = source;
    }

    void refreshStatuses() {
        nodeViews.values().forEach(this::applyStatus);
    }

    /** Shows the node and edge views (detail zoom) or hides both layers (overview). */
    void setDetail(boolean detail) {
        nodeLayer.setVisible(detail);
        edgeLayer.setVisible(detail);
    }

    /** Off while nodes are dragged live: the moving edges change every frame and would re-render the whole bitmap. */
    void setEdgeCache(boolean on) {
        edgeLayer.setCache(on);
    }

    Optional<NodeView> nodeView(String nodeId) {
        NodeView v = nodeViews.get(nodeId);
        return v != null && v.isVisible() && nodeLayer.isVisible() ? Optional.of(v) : Optional.empty();
    }

    Optional<EdgeView> edgeView(SkillEdge edge) {
        EdgeView v = edgeViews.get(edge);
        return v != null && v.isVisible() && edgeLayer.isVisible() ? Optional.of(v) : Optional.empty();
    }

    int shownNodeViews() {
        if (!nodeLayer.isVisible()) {
            return 0;
        }
        return (int) nodeViews.values().stream().filter(Region::isVisible).count();
    }

    /** The node views currently in view (materialised and visible). */
    List<NodeView> visibleNodeViews() {
        return nodeViews.values().stream().filter(Region::isVisible).toList();
    }

    /** Every node view made, in view or not. */
    Collection<NodeView> allNodeViews() {
        return nodeViews.values();
    }

    void nodeSelected(String id, boolean selected) {
        Optional.ofNullable(nodeViews.get(id)).ifPresent(v -> v.setSelected(selected));
    }

    void edgeSelected(SkillEdge edge, boolean selected) {
        Optional.ofNullable(edgeViews.get(edge)).ifPresent(v -> v.setSelected(selected));
    }

    /** Drops or updates the views of nodes and edges that changed; call after the shown graph took a new skill. */
    void reconcile() {
        Map<String, SkillNode> nodes = graph.nodes();
        for (Iterator<Map.Entry<String, NodeView>> it = nodeViews.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, NodeView> e = it.next();
            SkillNode now = nodes.get(e.getKey());
            if (now == null || !now.typeId().equals(e.getValue().node().typeId())) {
                nodeLayer.getChildren().remove(e.getValue());
                it.remove();
            } else if (!now.equals(e.getValue().node())) {
                e.getValue().update(now);
            }
        }
        Set<SkillEdge> edges = new HashSet<>(graph.edges());
        for (Iterator<Map.Entry<SkillEdge, EdgeView>> it = edgeViews.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<SkillEdge, EdgeView> e = it.next();
            if (!edges.contains(e.getKey())) {
                edgeLayer.getChildren().remove(e.getValue());
                edgeEnds.remove(e.getKey());
                it.remove();
            }
        }
    }

    /**
     * Makes and places the views inside {@code cull}. Edges are re-culled only when the view leaves the materialised
     * area or the content changed, so that the cached edge layer keeps its content (and its bitmap) for most pan
     * frames.
     */
    void cull(Rectangle2D visible, Rectangle2D cull, long contentVersion) {
        cullNodes(cull);
        if (culledVersion != contentVersion || materialised == null || !GraphCanvas.covers(materialised, cull)) {
            materialised = GraphCanvas.grow(cull, visible.getWidth() / 2, visible.getHeight() / 2);
            culledVersion = contentVersion;
            cullEdges(materialised);
        }
    }

    private void cullNodes(Rectangle2D cull) {
        for (SkillNode n : graph.nodes().values()) {
            Position p = graph.position(n);
            boolean inside = cull.intersects(p.x(), p.y(), NodeGeometry.WIDTH, NodeGeometry.HEIGHT);
            NodeView v = nodeViews.get(n.id());
            if (inside) {
                if (v == null) {
                    NodeType type = graph.type(n);
                    if (type == null) {
                        continue; // unknown types are reported by validation; nothing to draw them with
                    }
                    v = createNodeView(n, type);
                    v.setSelected(selectedNodes.contains(n.id()));
                }
                v.setVisible(true);
                v.relocate(p.x(), p.y());
            } else if (v != null) {
                v.setVisible(false);
            }
        }
        // bound memory after long pans: drop views far away; they are recreated when they come back
        if (nodeViews.size() > MAX_HIDDEN_VIEWS + 200) {
            List<String> drop = new ArrayList<>();
            nodeViews.forEach((id, v) -> {
                if (!v.isVisible()) {
                    drop.add(id);
                }
            });
            drop.forEach(id -> nodeLayer.getChildren().remove(nodeViews.remove(id)));
        }
    }

    private void cullEdges(Rectangle2D cull) {
        for (SkillEdge e : graph.edges()) {
            Point2D[] ends = graph.edgeEnds(e);
            EdgeView v = edgeViews.get(e);
            if (ends == null) {
                if (v != null) {
                    v.setVisible(false);
                }
                continue;
            }
            double minX = Math.min(ends[0].getX(), ends[1].getX());
            double minY = Math.min(ends[0].getY(), ends[1].getY()) - 40;
            double bw = Math.abs(ends[0].getX() - ends[1].getX()) + 1;
            double bh = Math.abs(ends[0].getY() - ends[1].getY()) + 80;
            boolean inside = cull.intersects(minX, minY, bw, bh);
            if (inside) {
                if (v == null) {
                    v = createEdgeView(e);
                    v.setSelected(selectedEdges.contains(e));
                }
                v.setVisible(true);
                Point2D[] old = edgeEnds.get(e);
                if (old == null || !old[0].equals(ends[0]) || !old[1].equals(ends[1])) {
                    v.setEnds(ends[0], ends[1]);
                    edgeEnds.put(e, ends);
                }
            } else if (v != null) {
                v.setVisible(false);
            }
        }
    }

    private NodeView createNodeView(SkillNode n, NodeType type) {
        NodeView v = new NodeView(n, type, icons, onRename);
        applyStatus(v);
        decorateNode.accept(v);
        nodeViews.put(n.id(), v);
        nodeLayer.getChildren().add(v);
        return v;
    }

    private EdgeView createEdgeView(SkillEdge e) {
        EdgeView v = new EdgeView(e);
        decorateEdge.accept(v);
        edgeViews.put(e, v);
        edgeLayer.getChildren().add(v);
        return v;
    }

    private void applyStatus(NodeView v) {
        StatusBadge b = statusSource.apply(v.node().id());
        if (b != null) {
            v.setStatus(b);
        }
    }
}
