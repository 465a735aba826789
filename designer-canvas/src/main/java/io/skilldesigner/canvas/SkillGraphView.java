package io.skilldesigner.canvas;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.SetChangeListener;
import javafx.scene.layout.StackPane;

import io.skilldesigner.canvas.edit.EditorModel;
import io.skilldesigner.canvas.graph.GraphCanvas;
import io.skilldesigner.canvas.graph.IconCache;
import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.validation.Problem;

/**
 * A skill's graph to look at, not to edit (the live preview's graph): the canvas alone, without palette, properties,
 * problems, toolbar or keyboard shortcuts. It pans (right or middle drag) and zooms (wheel) like the editor, a click
 * on a node picks it ({@link #pickedNodeProperty()}), a click on the background un-picks, and the nodes' badges show
 * what the host sets: engine states and latency ({@link #setNodeStatus}) or, where none, the skill's problems.
 * Nodes cannot be moved, connected, renamed or deleted here.
 */
public final class SkillGraphView extends StackPane {
    private final EditorModel model = new EditorModel(Skill.empty("skill", "Untitled skill"));
    private final GraphCanvas canvas;
    private final NodeBadges badges;
    private final ReadOnlyObjectWrapper<String> picked = new ReadOnlyObjectWrapper<>(this, "pickedNode");

    public SkillGraphView(NodeCatalog catalog) {
        Objects.requireNonNull(catalog, "catalog");
        badges = new NodeBadges(catalog);
        // the editor's class too: the canvas's colour tokens are defined for it, and a theme overrides them there
        getStyleClass().addAll(CanvasStyles.EDITOR, CanvasStyles.GRAPH_VIEW);
        getStylesheets().add(Objects.requireNonNull(SkillGraphView.class.getResource(CanvasStyles.STYLESHEET))
                .toExternalForm());
        canvas = new GraphCanvas(catalog, model, new IconCache(), false);
        canvas.setStatusSource(badges::get);
        canvas.minimap().setEnabled(false);
        canvas.setMinSize(0, 0);
        getChildren().add(canvas);
        setMinSize(0, 0);
        model.selectedNodes().addListener((SetChangeListener<String>) c -> picked.set(
                model.selectedNodes().size() == 1 ? model.selectedNodes().iterator().next() : null));
    }

    /** Shows a skill: nothing picked, no engine states, fitted to the view. */
    public void setSkill(Skill skill) {
        model.load(Objects.requireNonNull(skill, "skill"));
        badges.clearRuntime();
        badges.setProblems(List.of());
        updateBadges();
        canvas.fitToView();
    }

    public Skill getSkill() {
        return model.skill();
    }

    /** The skill's problems; a node without an engine state shows OK, not configured or invalid from them. */
    public void setProblems(List<Problem> problems) {
        badges.setProblems(problems);
        updateBadges();
    }

    /** Shows an engine state on a node's badge (RUNNING with its latency, ERROR with its message, ...). */
    public void setNodeStatus(String nodeId, NodeStatus status, String message) {
        badges.setRuntime(nodeId, new StatusBadge(status, message));
        updateBadges();
    }

    public void clearNodeStatuses() {
        badges.clearRuntime();
        updateBadges();
    }

    public Optional<StatusBadge> badge(String nodeId) {
        return Optional.ofNullable(badges.get(nodeId));
    }

    /** The node picked by a click (the one selected node), or null. */
    public ReadOnlyObjectProperty<String> pickedNodeProperty() {
        return picked.getReadOnlyProperty();
    }

    /** Picks a node as a click on it does; null or an unknown id un-picks. */
    public void pick(String nodeId) {
        model.select(nodeId == null || model.skill().node(nodeId).isEmpty() ? List.of() : List.of(nodeId), List.of());
    }

    public void fitToView() {
        canvas.fitToView();
    }

    /** The canvas, for the host's layout (zoom, centring) and tests. */
    public GraphCanvas canvas() {
        return canvas;
    }

    private void updateBadges() {
        badges.update(model.skill());
        canvas.refreshStatuses();
    }
}
