package io.skilldesigner.app.preview;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import io.skilldesigner.canvas.NodeStatus;
import io.skilldesigner.canvas.SkillGraphView;
import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.catalog.NodeType;
import io.skilldesigner.core.model.ModelLibrary;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.skill.SkillNode;
import io.skilldesigner.core.validation.SkillValidator;
import io.skilldesigner.engine.metrics.NodeMetrics;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.util.Duration;

/**
 * The running skill beside the video: a small read-only graph and the node list, both showing each node's state
 * and latency; picking a node (in either) asks to see only that node's output, "Show skill output" undoes it.
 */
final class GraphPanel {
    private final NodeCatalog catalog;
    private final ModelLibrary models;
    private final ListView<SkillNode> nodeList = new ListView<>();
    private final StackPane miniGraphHolder = new StackPane();
    private final Map<String, NodeMetrics> metricsById = new HashMap<>();
    private final VBox view;
    private SkillGraphView miniGraph;

    /** @param watch called with the picked node's id, or null for the skill's output */
    GraphPanel(NodeCatalog catalog, ModelLibrary models, Consumer<String> watch) {
        this.catalog = catalog;
        this.models = models;
        nodeList.setId("preview-nodes");
        nodeList.setPrefWidth(260);
        nodeList.setCellFactory(l -> new NodeCell());
        nodeList.getSelectionModel().selectedItemProperty()
                .addListener((obs, old, n) -> watch.accept(n == null ? null : n.id()));
        Button all = new Button("Show skill output");
        all.setOnAction(e -> nodeList.getSelectionModel().clearSelection());
        Label hint = new Label("Click a node to see only its output.");
        hint.setTooltip(new Tooltip("Click a node in the graph or the list to see only its output and timings."));
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);
        miniGraphHolder.setId("preview-mini-graph");
        miniGraphHolder.setPrefSize(300, 300);
        miniGraphHolder.setMinSize(0, 200);
        miniGraphHolder.setMaxHeight(340);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(miniGraphHolder.widthProperty());
        clip.heightProperty().bind(miniGraphHolder.heightProperty());
        miniGraphHolder.setClip(clip);
        view = new VBox(6, new Label("Skill"), miniGraphHolder, nodeList, all, hint);
        view.setPadding(new Insets(0, 0, 0, 10));
        view.setPrefWidth(310);
        view.setMinWidth(310);
        view.setMaxWidth(310);
        VBox.setVgrow(nodeList, Priority.ALWAYS);
        nodeList.setPrefHeight(150);
    }

    Node view() {
        return view;
    }

    /** Shows {@code skill}'s graph and nodes with no state yet. */
    void show(Skill skill) {
        metricsById.clear();
        nodeList.getItems().setAll(skill.nodes());
        showMiniGraph(skill);
    }

    /** One refresh: each node's state and latency in the list and on the graph. */
    void update(List<NodeMetrics> metrics) {
        metricsById.clear();
        metrics.forEach(m -> metricsById.put(m.nodeId(), m));
        nodeList.refresh();
        if (miniGraph == null) {
            return;
        }
        for (NodeMetrics m : metrics) {
            switch (m.state()) {
                case RUNNING -> miniGraph.setNodeStatus(m.nodeId(), NodeStatus.RUNNING,
                        String.format(Locale.ROOT, "p50 %.1f ms, p95 %.1f ms", m.p50Millis(), m.p95Millis()));
                case ERROR -> miniGraph.setNodeStatus(m.nodeId(), NodeStatus.ERROR, m.lastError());
                default -> miniGraph.setNodeStatus(m.nodeId(), NodeStatus.OK, m.state().name());
            }
        }
    }

    /**
     * The skill as a small read-only graph with the validator's badges until the engine reports states, and a click
     * on a node picking it in the list.
     */
    private void showMiniGraph(Skill skill) {
        if (miniGraph == null) {
            miniGraph = new SkillGraphView(catalog);
            miniGraph.setPrefSize(300, 300);
            miniGraph.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
            // fit again whenever the holder gets its real size (layout happens after the skill is set)
            miniGraphHolder.heightProperty().addListener((o, a, b) -> MiniGraphFit.fitReadable(miniGraph));
            miniGraphHolder.widthProperty().addListener((o, a, b) -> MiniGraphFit.fitReadable(miniGraph));
            miniGraph.pickedNodeProperty().addListener((o, a, id) ->
                    nodeList.getItems().stream().filter(n -> n.id().equals(id)).findFirst()
                            .ifPresentOrElse(n -> nodeList.getSelectionModel().select(n),
                                    () -> nodeList.getSelectionModel().clearSelection()));
            miniGraphHolder.getChildren().setAll(miniGraph);
        }
        miniGraph.setSkill(skill);
        miniGraph.setProblems(new SkillValidator(catalog, models).validate(skill));
        MiniGraphFit.fitSoon(miniGraph);
    }

    /** A node of the list: state mark, name and p50, coloured by state; type, p95 and the last error as tooltip. */
    private final class NodeCell extends ListCell<SkillNode> {
        /** One per cell, its text updated: the list refreshes with every metrics update. */
        private final Tooltip details = new Tooltip();

        @Override
        protected void updateItem(SkillNode n, boolean empty) {
            super.updateItem(n, empty);
            getStyleClass().removeAll("badge-ok", "badge-error", "badge-warning");
            if (empty || n == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            NodeMetrics m = metricsById.get(n.id());
            String state = m == null ? "" : switch (m.state()) {
                case RUNNING -> "●";
                case ERROR -> "✖";
                default -> "○";
            };
            // name and p50 fit the panel's 310 px; the type, p95 and the last error are on hover
            setText(state + " " + n.displayName()
                    + (m == null ? "" : String.format(Locale.ROOT, " · %.1f ms", m.p50Millis())));
            String type = catalog.find(n.typeId()).map(NodeType::displayName).orElse(n.typeId());
            if (m != null) {
                getStyleClass().add(switch (m.state()) {
                    case RUNNING -> "badge-ok";
                    case ERROR -> "badge-error";
                    default -> "badge-warning";
                });
                details.setText(type + String.format(Locale.ROOT, ": p50 %.1f ms, p95 %.1f ms", m.p50Millis(),
                        m.p95Millis()) + (m.lastError().isBlank() ? "" : "\n" + m.lastError()));
            } else {
                details.setText(type);
            }
            setTooltip(details);
        }
    }

    /** Fits the graph once the scene has laid it out (a pulse or two after it is shown). */
    private static final class MiniGraphFit {
        /** Node names at about 10 px (13 px at 1:1); the detail zoom alone left them at 6 px. */
        static final double READABLE_SCALE = 0.8;

        static void fitSoon(SkillGraphView graph) {
            PauseTransition p = new PauseTransition(Duration.millis(250));
            p.setOnFinished(e -> fitReadable(graph));
            p.play();
        }

        /**
         * Fits the graph, but never below a zoom at which node names are readable: a tall skill then shows its
         * top (the source) and scrolls, instead of turning into unreadable boxes.
         */
        static void fitReadable(SkillGraphView graph) {
            graph.fitToView();
            var canvas = graph.canvas();
            double scale = canvas.viewport().scale();
            if (scale < READABLE_SCALE) {
                canvas.zoomBy(READABLE_SCALE / scale);
                graph.getSkill().nodes().stream().findFirst().ifPresent(n -> canvas.centreOn(n.id()));
            }
        }
    }
}
