package io.skilldesigner.canvas.graph;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javafx.geometry.Point2D;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;

import io.skilldesigner.canvas.edit.EditorModel;
import io.skilldesigner.core.skill.Position;
import io.skilldesigner.core.skill.SkillNode;

/**
 * Pressing a node selects it (Shift or Ctrl toggles it); dragging moves the selection live, snapped to the grid, and
 * the drop records one move. At detail zoom the press comes from the node's view; in the overview, which has no
 * views, from a press on the background over its block. A graph that cannot be edited only selects.
 */
final class NodeDragGesture implements Gesture {
    private final GraphCanvas canvas;
    private final ShownGraph graph;
    private final EditorModel model;
    private final boolean moves;
    private Point2D start;
    private Map<String, Position> origins = Map.of();
    private boolean moved;
    /** The node dragged by its block in the overview, or null. */
    private String overviewDrag;

    NodeDragGesture(GraphCanvas canvas, ShownGraph graph, EditorModel model, boolean moves) {
        this.canvas = canvas;
        this.graph = graph;
        this.model = model;
        this.moves = moves;
    }

    void attach(NodeView v) {
        v.setOnMousePressed(e -> {
            if (e.getButton() != MouseButton.PRIMARY) {
                return;
            }
            canvas.requestFocus();
            begin(v.node().id(), e);
            e.consume();
        });
        v.setOnMouseDragged(this::moveTo);
        v.setOnMouseReleased(e -> finish(v.node().id(), e));
    }

    /** A press on a block of the overview. */
    @Override
    public boolean press(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || !canvas.isOverview()) {
            return false;
        }
        Optional<String> block = graph.blockAt(canvas.viewport().toWorld(e.getX(), e.getY()));
        block.ifPresent(id -> {
            overviewDrag = id;
            begin(id, e);
        });
        return block.isPresent();
    }

    @Override
    public void drag(MouseEvent e) {
        moveTo(e);
    }

    @Override
    public void release(MouseEvent e) {
        String id = overviewDrag;
        overviewDrag = null;
        finish(id, e);
    }

    /** Selects the pressed node as a click does and remembers where the selection started. */
    private void begin(String id, MouseEvent e) {
        Set<String> sel = model.selectedNodes();
        if (e.isShiftDown() || e.isShortcutDown()) {
            if (!sel.remove(id)) {
                sel.add(id);
            }
        } else if (!sel.contains(id)) {
            model.select(List.of(id), List.of());
        }
        start = canvas.sceneToWorld(e.getSceneX(), e.getSceneY());
        moved = false;
        Map<String, Position> from = new HashMap<>();
        for (String s : sel) {
            SkillNode n = graph.nodes().get(s);
            if (n != null) {
                from.put(s, n.position());
            }
        }
        origins = from;
    }

    private void moveTo(MouseEvent e) {
        if (!moves || start == null || origins.isEmpty()) {
            return;
        }
        Point2D now = canvas.sceneToWorld(e.getSceneX(), e.getSceneY());
        double dx = now.getX() - start.getX();
        double dy = now.getY() - start.getY();
        if (!moved && Math.hypot(dx, dy) * canvas.viewport().scale() < 3) {
            return;
        }
        moved = true;
        Map<String, Position> to = new HashMap<>();
        origins.forEach((id, p) -> to.put(id,
                new Position(NodeGeometry.snap(p.x() + dx), NodeGeometry.snap(p.y() + dy))));
        canvas.previewMove(to);
        e.consume();
    }

    private void finish(String id, MouseEvent e) {
        if (start == null) {
            return;
        }
        start = null;
        if (moved) {
            canvas.commitMove();
        } else if (!e.isShiftDown() && !e.isShortcutDown() && e.isStillSincePress()) {
            model.select(List.of(id), List.of());
        }
        moved = false;
        e.consume();
    }
}
