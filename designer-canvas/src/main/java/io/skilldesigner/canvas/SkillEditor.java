package io.skilldesigner.canvas;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.SetChangeListener;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import io.skilldesigner.canvas.edit.EditorModel;
import io.skilldesigner.canvas.edit.Fragment;
import io.skilldesigner.canvas.edit.GraphEdits;
import io.skilldesigner.canvas.edit.LayeredLayout;
import io.skilldesigner.canvas.graph.GraphCanvas;
import io.skilldesigner.canvas.graph.IconCache;
import io.skilldesigner.canvas.graph.NodeGeometry;
import io.skilldesigner.canvas.palette.NodePalette;
import io.skilldesigner.canvas.problems.ProblemsView;
import io.skilldesigner.canvas.properties.PropertiesPanel;
import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.catalog.NodeType;
import io.skilldesigner.core.model.ModelLibrary;
import io.skilldesigner.core.skill.PortRef;
import io.skilldesigner.core.skill.Position;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.skill.SkillEdge;
import io.skilldesigner.core.skill.SkillNode;
import io.skilldesigner.core.validation.Problem;
import io.skilldesigner.core.validation.SkillValidator;

/**
 * The skill graph editor the app embeds: palette (left), canvas with minimap and help overlay (centre), settings
 * of the selected node (right) and the skill's problems (bottom). It edits an immutable {@link Skill}; every
 * change is an undoable step, and {@link #skillProperty()} always holds the current skill (positions included).
 */
public final class SkillEditor extends BorderPane {
    private final NodeCatalog catalog;
    private final EditorModel model;
    private final GraphCanvas canvas;
    private final NodePalette palette;
    private final PropertiesPanel properties;
    private final ProblemsView problemsView;
    private final List<EditorAction> actions;
    private final HelpOverlay help;
    private final Label dragGhost = new Label();
    private final Pane ghostLayer = new Pane(dragGhost);
    private final ObservableList<Problem> problems = FXCollections.observableArrayList();
    private final NodeBadges badges;
    private final LayeredLayout layout = new LayeredLayout(NodeGeometry.WIDTH + 60, NodeGeometry.HEIGHT + 80);
    private ModelLibrary models;
    private SkillChecker checker;
    private Function<String, List<String>> labelsOfModel = id -> List.of();
    private Fragment clipboard = new Fragment(List.of(), List.of());
    private int pasteCount;
    /** Above this many nodes validation runs in the background. */
    private static final int SYNC_VALIDATION_LIMIT = 150;
    private final AtomicLong validationSeq = new AtomicLong();
    private ExecutorService validationThread;

    public SkillEditor(NodeCatalog catalog, ModelLibrary models) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.models = Objects.requireNonNull(models, "models");
        this.checker = new SkillValidator(catalog, models)::validate;
        this.model = new EditorModel(Skill.empty("skill", "Untitled skill"));
        IconCache icons = new IconCache();
        getStyleClass().add(CanvasStyles.EDITOR);
        getStylesheets().add(Objects.requireNonNull(SkillEditor.class.getResource(CanvasStyles.STYLESHEET)).toExternalForm());

        badges = new NodeBadges(catalog);
        canvas = new GraphCanvas(catalog, model, icons);
        canvas.setStatusSource(id -> badges.get(id));
        actions = EditorActions.of(this, model, canvas);
        help = new HelpOverlay(actions);
        palette = new NodePalette(catalog, icons, this::addNodeAtCentre, this::dropFromPalette, this::dragGhost);
        properties = new PropertiesPanel(catalog, model, () -> this.models, () -> labelsOfModel);
        problemsView = new ProblemsView(this::nodeName, id -> {
            select(List.of(id));
            canvas.centreOn(id);
        });

        ScrollPane paletteScroll = new ScrollPane(palette);
        paletteScroll.setFitToWidth(true);
        paletteScroll.setPrefWidth(200);
        paletteScroll.getStyleClass().add(CanvasStyles.PALETTE_SCROLL);
        StackPane centre = new StackPane(canvas, help);
        VBox middle = new VBox(toolbar(), centre);
        VBox.setVgrow(centre, Priority.ALWAYS);
        properties.setPrefWidth(290);
        dragGhost.getStyleClass().add(CanvasStyles.DRAG_GHOST);
        dragGhost.setVisible(false);
        ghostLayer.setMouseTransparent(true);
        ghostLayer.setManaged(false);
        setLeft(paletteScroll);
        setCenter(middle);
        setRight(properties);
        setBottom(problemsView);
        getChildren().add(ghostLayer);

        model.skillProperty().addListener((o, a, b) -> revalidate());
        model.selectedNodes().addListener((SetChangeListener<String>) c -> showSelection());
        addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
        revalidate();
    }

    // ------------------------------------------------------------------ document

    public ObjectProperty<Skill> skillProperty() {
        return model.skillProperty();
    }

    public Skill getSkill() {
        return model.skill();
    }

    /** Opens a skill: new history, nothing selected, not dirty, view fitted to the nodes. */
    public void setSkill(Skill skill) {
        model.load(skill);
        pasteCount = 0;
        canvas.fitToView();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return model.dirtyProperty();
    }

    public boolean isDirty() {
        return model.dirtyProperty().get();
    }

    /** Call after saving: the current skill becomes the clean state. */
    public void markSaved() {
        model.markSaved();
    }

    public boolean undo() {
        return model.undo();
    }

    public boolean redo() {
        return model.redo();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return model.canUndoProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return model.canRedoProperty();
    }

    /** The last refusal or notice shown on the canvas (e.g. why a connection was refused). */
    public ReadOnlyStringProperty messageProperty() {
        return canvas.messageProperty();
    }

    // ------------------------------------------------------------------ app hooks

    /** The models MODEL_REF pickers offer and the validator checks against. */
    public void setModelLibrary(ModelLibrary library) {
        models = Objects.requireNonNull(library, "library");
        checker = new SkillValidator(catalog, library)::validate;
        revalidate();
    }

    /** Replaces the validator (the default is skill-core's SkillValidator). */
    public void setChecker(SkillChecker c) {
        checker = Objects.requireNonNull(c, "checker");
        revalidate();
    }

    /** Labels of a model by id; label lists downstream of a model offer them. */
    public void setLabelsOfModel(Function<String, List<String>> f) {
        labelsOfModel = Objects.requireNonNull(f, "labelsOfModel");
    }

    /** Shows an engine state on a node's badge (RUNNING, ERROR, ...) until cleared. */
    public void setNodeStatus(String nodeId, NodeStatus status, String message) {
        badges.setRuntime(nodeId, new StatusBadge(status, message));
        updateBadges();
    }

    public void clearNodeStatus(String nodeId) {
        badges.clearRuntime(nodeId);
        updateBadges();
    }

    public void clearNodeStatuses() {
        badges.clearRuntime();
        updateBadges();
    }

    public Optional<StatusBadge> badge(String nodeId) {
        return Optional.ofNullable(badges.get(nodeId));
    }

    public ObservableList<Problem> problems() {
        return FXCollections.unmodifiableObservableList(problems);
    }

    // ------------------------------------------------------------------ editing

    public String addNode(String typeId, Position at) {
        NodeType type = catalog.get(typeId);
        Position snapped = new Position(NodeGeometry.snap(at.x()), NodeGeometry.snap(at.y()));
        GraphEdits.Result[] r = new GraphEdits.Result[1];
        model.apply("Add " + type.displayName(), s -> (r[0] = GraphEdits.addNode(s, type, snapped)).skill());
        String id = r[0].createdIds().get(0);
        select(List.of(id));
        return id;
    }

    /** Adds a node centred in the visible part of the canvas. */
    public String addNodeAtCentre(NodeType type) {
        Point2D c = canvas.visibleCentreWorld();
        return addNode(type.id(), new Position(c.getX() - NodeGeometry.WIDTH / 2, c.getY() - NodeGeometry.HEIGHT / 2));
    }

    /** Connects an output port to an input port; returns why when refused (also shown on the canvas). */
    public Optional<String> connect(PortRef from, PortRef to) {
        return canvas.connect(from, to);
    }

    public void select(List<String> nodeIds) {
        model.select(nodeIds, List.of());
    }

    public void selectEdges(List<SkillEdge> edges) {
        model.select(List.of(), edges);
    }

    public Set<String> selectedNodes() {
        return Set.copyOf(model.selectedNodes());
    }

    public Set<SkillEdge> selectedEdges() {
        return Set.copyOf(model.selectedEdges());
    }

    public void selectAll() {
        model.select(model.skill().nodes().stream().map(SkillNode::id).toList(), List.of());
    }

    public void deleteSelection() {
        Set<String> nodes = Set.copyOf(model.selectedNodes());
        Set<SkillEdge> edges = Set.copyOf(model.selectedEdges());
        if (nodes.isEmpty() && edges.isEmpty()) {
            return;
        }
        String what = nodes.isEmpty() ? (edges.size() == 1 ? "connection" : edges.size() + " connections")
                : nodes.size() == 1 ? "node" : nodes.size() + " nodes";
        model.apply("Delete " + what, s -> GraphEdits.delete(s, nodes, edges));
    }

    public void renameNode(String nodeId, String name) {
        model.apply("Rename node", s -> GraphEdits.rename(s, nodeId, name));
    }

    /** What "Draw on frame…" beside a zone's or line's points does (node id, setting key); null hides it. */
    public void setOnDrawOnFrame(java.util.function.BiConsumer<String, String> handler) {
        properties.setOnDrawOnFrame(handler);
        properties.shownNode().ifPresent(id -> {
            properties.showNode(null);
            properties.showNode(id);
        });
    }

    /** Sets one setting as an undoable step (what the properties panel does for each edit). */
    public void setSetting(String nodeId, String key, Object value) {
        model.apply("Change " + key, s -> GraphEdits.setSetting(s, catalog, models, nodeId, key, value));
    }

    public void moveNode(String nodeId, Position to) {
        model.apply("Move node", s -> GraphEdits.move(s, Map.of(nodeId, to)));
    }

    public void copy() {
        if (!model.selectedNodes().isEmpty()) {
            clipboard = GraphEdits.copy(model.skill(), model.selectedNodes());
            pasteCount = 0;
        }
    }

    public void cut() {
        copy();
        Set<String> nodes = Set.copyOf(model.selectedNodes());
        if (!nodes.isEmpty()) {
            model.apply("Cut", s -> GraphEdits.delete(s, nodes, List.of()));
            pasteCount = -1; // the first paste after a cut lands where the nodes were
        }
    }

    /** Pastes the clipboard with fresh ids, offset a little each time, and selects the pasted nodes. */
    public List<String> paste() {
        if (clipboard.isEmpty()) {
            return List.of();
        }
        pasteCount++;
        double d = 2 * NodeGeometry.GRID * pasteCount;
        return pasteFragment(clipboard, d, "Paste");
    }

    public List<String> duplicate() {
        if (model.selectedNodes().isEmpty()) {
            return List.of();
        }
        Fragment f = GraphEdits.copy(model.skill(), model.selectedNodes());
        return pasteFragment(f, 2 * NodeGeometry.GRID, "Duplicate");
    }

    private List<String> pasteFragment(Fragment f, double d, String label) {
        List<String> created = new ArrayList<>();
        model.apply(label, s -> {
            GraphEdits.Result r = GraphEdits.paste(s, f, d, d);
            created.addAll(r.createdIds());
            return r.skill();
        });
        select(created);
        return created;
    }

    /** Lays the graph out top to bottom in layers, as one undoable step, then fits it to the view. */
    public void autoLayout() {
        model.apply("Automatic layout", s -> GraphEdits.move(s, layout.layout(s)));
        canvas.fitToView();
    }

    public void fitToView() {
        canvas.fitToView();
    }

    public void zoomIn() {
        canvas.zoomBy(1.2);
    }

    public void zoomOut() {
        canvas.zoomBy(1 / 1.2);
    }

    public void centreOn(String nodeId) {
        canvas.centreOn(nodeId);
    }

    /** A picture of the graph as shown, without the minimap, messages or help (e.g. for a review page). */
    public javafx.scene.image.WritableImage pictureOfGraph() {
        return canvas.pictureOfGraph();
    }

    public void showHelp(boolean show) {
        help.setVisible(show);
    }

    public boolean isHelpShown() {
        return help.isVisible();
    }

    /** Everything the editor does on a key or a toolbar button, in the order keys are matched. */
    public List<EditorAction> actions() {
        return actions;
    }

    // ------------------------------------------------------------------ parts (for the app's layout and tests)

    public GraphCanvas canvas() {
        return canvas;
    }

    public NodePalette palette() {
        return palette;
    }

    public PropertiesPanel properties() {
        return properties;
    }

    public ProblemsView problemsView() {
        return problemsView;
    }

    // ------------------------------------------------------------------ internals

    /** The buttons above the canvas: each runs an action of the table, its tooltip names the action's keys. */
    private ToolBar toolbar() {
        ToolBar bar = new ToolBar(
                button("↶", "undo"), button("↷", "redo"), button("+", "zoom-in"), button("−", "zoom-out"),
                button("Fit", "fit"), button("Layout", "layout"), button("?", "help"));
        bar.getStyleClass().add(CanvasStyles.EDITOR_TOOLBAR);
        return bar;
    }

    private Button button(String text, String actionId) {
        EditorAction a = EditorActions.find(actions, actionId);
        Button b = new Button(text);
        b.setId(a.id() + "-button");
        b.setTooltip(new Tooltip(a.tooltip()));
        b.setFocusTraversable(false);
        b.setOnAction(e -> a.run().run());
        if (a.enabled() != null) {
            b.disableProperty().bind(Bindings.not(a.enabled()));
        }
        return b;
    }

    private String nodeName(String id) {
        return model.skill().node(id).map(n -> n.displayName().isBlank() ? id : n.displayName() + " (" + id + ")")
                .orElse(id);
    }

    private void showSelection() {
        Set<String> sel = model.selectedNodes();
        properties.showNode(sel.size() == 1 ? sel.iterator().next() : null);
    }

    /** Checks the skill again, e.g. when the host changed something the checker reads outside the graph. */
    public void revalidate() {
        check();
    }

    /**
     * Small skills are checked at once, so badges and messages follow each keystroke. Large ones are checked on a
     * background thread (the skill is immutable, so that is safe), latest skill wins, so editing stays smooth.
     */
    private void check() {
        Skill skill = model.skill();
        long seq = validationSeq.incrementAndGet();
        if (skill.nodes().size() <= SYNC_VALIDATION_LIMIT) {
            showProblems(checker.check(skill));
            return;
        }
        SkillChecker c = checker;
        validationExecutor().execute(() -> {
            if (seq != validationSeq.get()) {
                return; // a newer skill is queued; checking this one would be wasted
            }
            List<Problem> found = c.check(skill);
            Platform.runLater(() -> {
                if (seq == validationSeq.get()) {
                    showProblems(found);
                }
            });
        });
    }

    private ExecutorService validationExecutor() {
        if (validationThread == null) {
            validationThread = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "skill-validation");
                t.setDaemon(true);
                return t;
            });
        }
        return validationThread;
    }

    private void showProblems(List<Problem> found) {
        problems.setAll(found);
        problemsView.setProblems(found);
        badges.setProblems(found);
        properties.setProblems(found);
        updateBadges();
    }

    private void updateBadges() {
        badges.update(model.skill());
        canvas.refreshStatuses();
    }

    private void dropFromPalette(NodeType type, Point2D scenePoint) {
        Bounds b = canvas.localToScene(canvas.getLayoutBounds());
        if (b.contains(scenePoint)) {
            Point2D w = canvas.sceneToWorld(scenePoint.getX(), scenePoint.getY());
            addNode(type.id(), new Position(w.getX() - NodeGeometry.WIDTH / 2, w.getY() - NodeGeometry.HEIGHT / 2));
            canvas.requestFocus();
        }
    }

    private void dragGhost(NodeType type, Point2D scenePoint) {
        if (scenePoint == null) {
            dragGhost.setVisible(false);
            return;
        }
        Point2D local = sceneToLocal(scenePoint);
        dragGhost.setText("+ " + type.displayName());
        dragGhost.autosize();
        dragGhost.relocate(local.getX() + 12, local.getY() + 8);
        dragGhost.setVisible(true);
    }

    private void onKey(KeyEvent e) {
        Node target = e.getTarget() instanceof Node n ? n : null;
        if (target instanceof TextInputControl || isInside(target, properties) || isInside(target, palette)) {
            return; // typing in a field must not delete nodes or trigger shortcuts
        }
        EditorActions.handle(actions, e);
    }

    private static boolean isInside(Node n, Node container) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p == container) {
                return true;
            }
        }
        return false;
    }
}
