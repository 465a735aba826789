package io.skilldesigner.canvas.graph;

import io.skilldesigner.canvas.CanvasStyles;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.SetChangeListener;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;

import io.skilldesigner.canvas.StatusBadge;
import io.skilldesigner.canvas.edit.Connection;
import io.skilldesigner.canvas.edit.EditorModel;
import io.skilldesigner.canvas.edit.GraphEdits;
import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.catalog.NodeType;
import io.skilldesigner.core.skill.PortRef;
import io.skilldesigner.core.skill.Position;
import io.skilldesigner.core.skill.SkillEdge;
import io.skilldesigner.core.skill.SkillNode;

/**
 * The graph area, a coordinator: it stacks the layers (grid, overview, node and edge views, overlay, minimap),
 * decides once per pulse what is drawn how, and hands the mouse to one gesture class each: {@link NodeDragGesture},
 * {@link ConnectGesture}, {@link MarqueeGesture}, {@link PanZoomGesture} and {@link EdgeSelectGesture}. A read-only
 * canvas (the live preview's graph) only selects, pans and zooms.
 * <p>
 * It scales to large skills by creating node and edge views only for what is inside the viewport
 * ({@link ViewCulling}, redone once per pulse, before CSS and layout, when the view or the skill changed) and, when
 * zoomed far out, by drawing every node as a plain rectangle on one canvas instead (level of detail).
 * <p>
 * Panning moves pictures that were painted once instead of repainting them (the software pipeline repaints the
 * whole area on every panned frame): at detail zoom each node view is cached as a bitmap, and the edges of the
 * visible area plus half a view on each side are materialised together and their layer is cached as one bitmap
 * (re-rendered only when an edge is added, removed, selected or hovered, or the view leaves that area; a live drag
 * turns the cache off until the drop); in the overview the blocks and lines are painted once onto a canvas that
 * is only moved while panning ({@link OverviewLayer}); the grid is shifted ({@link GridLayer}). While the view is
 * being panned the graph does not take the mouse, so hovering over edges on the way does not invalidate the cached
 * layer.
 */
public final class GraphCanvas extends Region {
    /** Below this zoom the graph is drawn as an overview on a canvas. */
    public static final double DETAIL_SCALE = 0.45;
    private final NodeCatalog catalog;
    private final EditorModel model;
    private final boolean editable;
    private final Viewport viewport = new Viewport();
    private final CanvasColours colours = new CanvasColours(this, this::coloursChanged);
    private final ShownGraph graph;
    private final ViewCulling views;
    private final GridLayer grid;
    private final OverviewLayer overview;
    private final Minimap minimap;
    private final Pane world = new Pane();
    private final Pane overlay = new Pane();
    private final CanvasMessage message = new CanvasMessage();
    private final NodeDragGesture nodeDrag;
    /** Null when the canvas is read-only. */
    private final ConnectGesture connect;
    /** Background gestures in the order they are offered a press. */
    private final List<Gesture> gestures;
    private Gesture activeGesture;
    private boolean viewDirty = true;
    /**
     * Bumped whenever what the cached pictures show changes: the skill, the selection, colours, and live drag
     * positions at detail zoom (the overview draws dragged blocks on a canvas of their own instead).
     */
    private long contentVersion;
    private boolean fitPending;
    private double lastW = -1;
    private double lastH = -1;
    private Scene attachedScene;
    private final Runnable pulseListener = this::beforeLayout;

    /** An editable canvas. */
    public GraphCanvas(NodeCatalog catalog, EditorModel model, IconCache icons) {
        this(catalog, model, icons, true);
    }

    /** @param editable false: nodes are selected, never moved, connected or renamed (a read-only graph) */
    public GraphCanvas(NodeCatalog catalog, EditorModel model, IconCache icons, boolean editable) {
        this.catalog = catalog;
        this.model = model;
        this.editable = editable;
        getStyleClass().add(CanvasStyles.GRAPH_CANVAS);
        setFocusTraversable(true);
        setMinSize(100, 100);
        graph = new ShownGraph(catalog);
        views = new ViewCulling(graph, model.selectedNodes(), model.selectedEdges(), icons,
                editable ? (id, name) -> model.apply("Rename node", s -> GraphEdits.rename(s, id, name)) : null,
                this::attachGestures, new EdgeSelectGesture(this, model)::attach);
        nodeDrag = new NodeDragGesture(this, graph, model, editable);
        connect = editable ? new ConnectGesture(this, graph, views, model, catalog) : null;
        MarqueeGesture marquee = new MarqueeGesture(viewport, graph, model);
        gestures = List.of(new PanZoomGesture(this, viewport, world), nodeDrag, marquee);

        world.setManaged(false);
        Translate t = new Translate();
        Scale s = new Scale();
        world.getTransforms().addAll(t, s);
        t.xProperty().bind(viewport.txProperty());
        t.yProperty().bind(viewport.tyProperty());
        s.xProperty().bind(viewport.scaleProperty());
        s.yProperty().bind(viewport.scaleProperty());
        world.getChildren().addAll(views.edgeLayer(), views.nodeLayer());
        if (connect != null) {
            world.getChildren().add(connect.wire());
        }
        world.setPickOnBounds(false);
        grid = new GridLayer(viewport, colours);
        overview = new OverviewLayer(this);
        overlay.setMouseTransparent(true);
        overlay.setManaged(false);
        overlay.getChildren().addAll(marquee.band(), message);
        minimap = new Minimap(this);
        getChildren().addAll(grid, overview, overview.moving(), world, overlay, minimap);
        // nodes partly outside the view must not paint over (or catch clicks for) the toolbar and panels
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);

        viewport.scaleProperty().addListener(o -> requestRefresh());
        viewport.txProperty().addListener(o -> requestRefresh());
        viewport.tyProperty().addListener(o -> requestRefresh());
        model.skillProperty().addListener((o, old, now) -> reconcile());
        model.selectedNodes().addListener((SetChangeListener<String>) c -> {
            if (c.wasAdded()) {
                views.nodeSelected(c.getElementAdded(), true);
            }
            if (c.wasRemoved()) {
                views.nodeSelected(c.getElementRemoved(), false);
            }
            contentChanged();
        });
        model.selectedEdges().addListener((SetChangeListener<SkillEdge>) c -> {
            if (c.wasAdded()) {
                views.edgeSelected(c.getElementAdded(), true);
            }
            if (c.wasRemoved()) {
                views.edgeSelected(c.getElementRemoved(), false);
            }
            contentChanged();
        });
        sceneProperty().addListener((o, old, now) -> attach(now));
        installGestureRouting();
        reconcile();
    }

    public Viewport viewport() {
        return viewport;
    }

    /** Whether nodes can be moved, connected and renamed here. */
    public boolean isEditable() {
        return editable;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.lastProperty();
    }

    public Minimap minimap() {
        return minimap;
    }

    /** Where badges come from; call {@link #refreshStatuses()} when they change. */
    public void setStatusSource(Function<String, StatusBadge> source) {
        views.setStatusSource(source);
        refreshStatuses();
    }

    public void refreshStatuses() {
        views.refreshStatuses();
        requestRefresh();
    }

    /** The view of a node if it is currently materialised (inside the viewport at detail zoom). */
    public Optional<NodeView> nodeView(String nodeId) {
        return views.nodeView(nodeId);
    }

    public Optional<EdgeView> edgeView(SkillEdge edge) {
        return views.edgeView(edge);
    }

    /** Number of node views currently shown (for tests and the benchmark). */
    public int shownNodeViews() {
        return views.shownNodeViews();
    }

    public boolean isOverview() {
        return viewport.scale() < DETAIL_SCALE;
    }

    /** How many times the overview picture has been painted (it is reused while panning). */
    public int overviewPaints() {
        return overview.paints();
    }

    public Point2D sceneToWorld(double sceneX, double sceneY) {
        Point2D local = sceneToLocal(sceneX, sceneY);
        return viewport.toWorld(local.getX(), local.getY());
    }

    public Point2D visibleCentreWorld() {
        return viewport.toWorld(getWidth() / 2, getHeight() / 2);
    }

    public Rectangle2D visibleWorld() {
        return viewport.visibleWorld(getWidth(), getHeight());
    }

    /** Bounds of all nodes in world units, or null when the skill is empty. */
    public Rectangle2D contentBounds() {
        return graph.contentBounds(Set.of());
    }

    /** Bounds of all nodes but some, or null when there are none. */
    Rectangle2D contentBounds(Set<String> except) {
        return graph.contentBounds(except);
    }

    public void fitToView() {
        if (getWidth() <= 0) {
            fitPending = true;
            requestLayout();
            return;
        }
        fitPending = false; // done now: a fit asked for before the first layout must not undo a later zoom
        Rectangle2D b = contentBounds();
        if (b != null) {
            viewport.fit(b, getWidth(), getHeight(), 40);
        }
    }

    public void centreOn(String nodeId) {
        SkillNode n = graph.nodes().get(nodeId);
        if (n == null) {
            return;
        }
        if (viewport.scale() < DETAIL_SCALE) {
            viewport.scaleProperty().set(1);
        }
        Position p = graph.position(n);
        viewport.centre(p.x() + NodeGeometry.WIDTH / 2, p.y() + NodeGeometry.HEIGHT / 2, getWidth() / 2,
                getHeight() / 2);
    }

    /** A snapshot of the graph without the minimap and the message overlay. */
    public WritableImage pictureOfGraph() {
        boolean mini = minimap.isVisible();
        boolean over = overlay.isVisible();
        minimap.setVisible(false);
        overlay.setVisible(false);
        try {
            return snapshot(null, null);
        } finally {
            minimap.setVisible(mini);
            overlay.setVisible(over);
        }
    }

    public void zoomBy(double factor) {
        viewport.zoomAt(factor, getWidth() / 2, getHeight() / 2);
    }

    public void showMessage(String text) {
        message.show(text);
    }

    /** Moves nodes without recording an edit (the live part of a drag). {@link #commitMove()} records it. */
    public void previewMove(Map<String, Position> positions) {
        graph.moveLive(positions);
        if (isOverview()) {
            requestRefresh(); // the overview draws the moving blocks on a canvas of their own
            return;
        }
        views.setEdgeCache(false);
        contentChanged();
    }

    public void commitMove() {
        Map<String, Position> moved = graph.takeLive();
        if (moved.isEmpty()) {
            return;
        }
        int n = moved.size();
        views.setEdgeCache(true);
        contentChanged();
        if (!model.apply(n == 1 ? "Move node" : "Move " + n + " nodes", s -> GraphEdits.move(s, moved))) {
            requestRefresh();
        }
    }

    /** Tries to connect two ports; shows the reason and returns it when the connection is refused. */
    public Optional<String> connect(PortRef from, PortRef to) {
        Optional<String> refusal = Connection.refusal(model.skill(), catalog, from, to);
        if (refusal.isPresent()) {
            showMessage("Cannot connect: " + refusal.get());
            return refusal;
        }
        model.apply("Connect", s -> s.withEdge(new SkillEdge(from, to)));
        return Optional.empty();
    }

    /** The colours it paints itself, from the stylesheet. */
    public CanvasColours colours() {
        return colours;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return CanvasColours.cssMetaData();
    }

    // ---------------------------------------------------------------- for the painters (overview, minimap)

    Map<String, SkillNode> nodes() {
        return graph.nodes();
    }

    Position position(SkillNode n) {
        return graph.position(n);
    }

    NodeType catalogType(SkillNode n) {
        return graph.type(n);
    }

    /** Both ends of an edge in world units, or null when an end's node or type is unknown. */
    Point2D[] edgeEnds(SkillEdge e) {
        return graph.edgeEnds(e);
    }

    Set<String> selectedNodes() {
        return model.selectedNodes();
    }

    List<SkillEdge> edges() {
        return graph.edges();
    }

    Color categoryColour(NodeType t) {
        return t == null ? colours.get(CanvasColours.EDGE) : colours.category(t.category());
    }

    static boolean covers(Rectangle2D outer, Rectangle2D inner) {
        return outer.getMinX() <= inner.getMinX() && outer.getMinY() <= inner.getMinY()
                && outer.getMaxX() >= inner.getMaxX() && outer.getMaxY() >= inner.getMaxY();
    }

    static Rectangle2D grow(Rectangle2D r, double dx, double dy) {
        return new Rectangle2D(r.getMinX() - dx, r.getMinY() - dy, r.getWidth() + 2 * dx, r.getHeight() + 2 * dy);
    }

    // ---------------------------------------------------------------- refresh once per pulse

    private void coloursChanged() {
        grid.invalidate(); // repaint the grid bitmap with the new background
        contentChanged();
    }

    private void contentChanged() {
        contentVersion++;
        requestRefresh();
    }

    void requestRefresh() {
        viewDirty = true;
        if (attachedScene != null) {
            Platform.requestNextPulse();
        }
    }

    private void attach(Scene scene) {
        if (attachedScene != null) {
            attachedScene.removePreLayoutPulseListener(pulseListener);
        }
        attachedScene = scene;
        if (scene != null) {
            scene.addPreLayoutPulseListener(pulseListener);
            requestRefresh();
        }
    }

    private void beforeLayout() {
        if (getWidth() != lastW || getHeight() != lastH) {
            lastW = getWidth();
            lastH = getHeight();
            viewDirty = true;
        }
        if (fitPending && getWidth() > 0) {
            fitPending = false;
            fitToView();
        }
        if (viewDirty) {
            viewDirty = false;
            refreshView();
        }
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        overlay.resize(w, h);
        minimap.relocate(w - minimap.getWidth() - 12, h - minimap.getHeight() - 12);
        message.relocate(16, 12);
        if (w != lastW || h != lastH) {
            requestRefresh();
        }
    }

    private void reconcile() {
        graph.show(model.skill());
        views.reconcile();
        contentVersion++;
        refreshStatuses();
    }

    private void refreshView() {
        double w = getWidth();
        double h = getHeight();
        boolean detail = viewport.scale() >= DETAIL_SCALE;
        views.setDetail(detail);
        overview.setVisible(!detail);
        Rectangle2D vis = viewport.visibleWorld(w, h);
        Rectangle2D cull = new Rectangle2D(vis.getMinX() - NodeGeometry.WIDTH, vis.getMinY() - NodeGeometry.HEIGHT,
                vis.getWidth() + 2 * NodeGeometry.WIDTH, vis.getHeight() + 2 * NodeGeometry.HEIGHT);
        grid.show(w, h, detail);
        if (detail) {
            views.cull(vis, cull, contentVersion);
        } else {
            overview.show(vis, contentVersion, graph.movedLive());
        }
        minimap.redraw(contentVersion);
    }

    /** The gestures that start on a node view (made as it comes into view). */
    private void attachGestures(NodeView v) {
        nodeDrag.attach(v);
        if (connect != null) {
            connect.attach(v);
        }
    }

    /** A press on the background starts the first gesture that takes it; the drags and the release go to it. */
    private void installGestureRouting() {
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            requestFocus();
            if (activeGesture != null) {
                return; // a second button during a gesture: the first one goes on until a release
            }
            activeGesture = gestures.stream().filter(g -> g.press(e)).findFirst().orElse(null);
        });
        addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (activeGesture != null) {
                activeGesture.drag(e);
            }
        });
        addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            Gesture g = activeGesture;
            activeGesture = null;
            if (g != null) {
                g.release(e);
            }
        });
    }
}
