package io.skilldesigner.canvas.graph;

import io.skilldesigner.canvas.CanvasStyles;

import java.util.List;
import java.util.Optional;

import javafx.geometry.Point2D;
import javafx.scene.input.MouseButton;
import javafx.scene.shape.CubicCurve;

import io.skilldesigner.canvas.edit.Connection;
import io.skilldesigner.canvas.edit.EditorModel;
import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.skill.PortRef;
import io.skilldesigner.core.skill.Position;
import io.skilldesigner.core.skill.Skill;

/**
 * Dragging from a port draws a wire to the pointer; the ports it could connect to light up, the others dim with the
 * reason as tooltip. Dropping on a port, or on a node (its first port of the other direction), connects them or
 * shows why not.
 */
final class ConnectGesture {
    private final GraphCanvas canvas;
    private final ShownGraph graph;
    private final ViewCulling views;
    private final EditorModel model;
    private final NodeCatalog catalog;
    private final CubicCurve wire = new CubicCurve();
    private PortView from;

    ConnectGesture(GraphCanvas canvas, ShownGraph graph, ViewCulling views, EditorModel model, NodeCatalog catalog) {
        this.canvas = canvas;
        this.graph = graph;
        this.views = views;
        this.model = model;
        this.catalog = catalog;
        wire.getStyleClass().add(CanvasStyles.CONNECTION_PREVIEW);
        wire.setMouseTransparent(true);
        wire.setFill(null);
        wire.setVisible(false);
    }

    /** The wire being drawn, in world units; it goes above the node views. */
    CubicCurve wire() {
        return wire;
    }

    void attach(NodeView v) {
        v.inputs().forEach(this::attach);
        v.outputs().forEach(this::attach);
    }

    private void attach(PortView p) {
        p.setOnMousePressed(e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                canvas.requestFocus();
                start(p);
                e.consume();
            }
        });
        p.setOnMouseDragged(e -> {
            if (from != null) {
                Point2D w = canvas.sceneToWorld(e.getSceneX(), e.getSceneY());
                Point2D a = graph.portPoint(from);
                if (from.isInput()) {
                    EdgeView.shape(wire, w, a);
                } else {
                    EdgeView.shape(wire, a, w);
                }
                wire.setVisible(true);
                e.consume();
            }
        });
        p.setOnMouseReleased(e -> {
            if (from != null) {
                finish(canvas.sceneToWorld(e.getSceneX(), e.getSceneY()));
                e.consume();
            }
        });
    }

    private void start(PortView port) {
        from = port;
        Skill skill = model.skill();
        for (NodeView v : views.visibleNodeViews()) {
            for (PortView target : port.isInput() ? v.outputs() : v.inputs()) {
                Optional<String> why = port.isInput()
                        ? Connection.refusal(skill, catalog, target.ref(), port.ref())
                        : Connection.refusal(skill, catalog, port.ref(), target.ref());
                target.highlight(why.isEmpty(), why.orElse(""));
            }
        }
    }

    private void finish(Point2D at) {
        PortView port = from;
        from = null;
        wire.setVisible(false);
        views.allNodeViews().forEach(v -> {
            v.inputs().forEach(PortView::clearHighlight);
            v.outputs().forEach(PortView::clearHighlight);
        });
        Optional<PortView> target = portAt(at, !port.isInput());
        PortRef targetRef;
        if (target.isPresent()) {
            targetRef = target.get().ref();
        } else {
            Optional<NodeView> over = nodeAt(at);
            if (over.isEmpty() || over.get().node().id().equals(port.ref().node())) {
                return; // dropped on empty canvas or back on its own node: nothing to connect
            }
            List<PortView> candidates = port.isInput() ? over.get().outputs() : over.get().inputs();
            if (candidates.isEmpty()) {
                NodeView n = over.get();
                canvas.showMessage("Cannot connect: '" + n.node().displayName() + "' (" + n.type().displayName()
                        + ") has no " + (port.isInput() ? "outputs" : "inputs"));
                return;
            }
            targetRef = candidates.get(0).ref();
            target = Optional.of(candidates.get(0));
        }
        Optional<String> refused = port.isInput() ? canvas.connect(targetRef, port.ref())
                : canvas.connect(port.ref(), targetRef);
        if (refused.isPresent()) {
            target.get().explain(refused.get());
        }
    }

    /** A port of the wanted direction within reach of a world point. */
    private Optional<PortView> portAt(Point2D at, boolean wantInput) {
        double reach = NodeGeometry.PORT_RADIUS * 2;
        for (NodeView v : views.visibleNodeViews()) {
            for (PortView p : wantInput ? v.inputs() : v.outputs()) {
                if (graph.portPoint(p).distance(at) <= reach) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    private Optional<NodeView> nodeAt(Point2D at) {
        for (NodeView v : views.visibleNodeViews()) {
            Position p = graph.position(v.node());
            if (ShownGraph.covers(p, at)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
