package io.skilldesigner.canvas.graph;

import io.skilldesigner.canvas.CanvasStyles;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.SetChangeListener;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.CubicCurve;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;
import javafx.util.Duration;

import io.skilldesigner.canvas.StatusBadge;
import io.skilldesigner.canvas.edit.Connection;
import io.skilldesigner.canvas.edit.EditorModel;
import io.skilldesigner.canvas.edit.GraphEdits;
import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.catalog.NodeType;
import io.skilldesigner.core.skill.PortRef;
import io.skilldesigner.core.skill.Position;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.skill.SkillEdge;
import io.skilldesigner.core.skill.SkillNode;

/**
 * The graph area. Scales to large skills by creating node and edge views only for what is inside the viewport
 * (culling is redone once per pulse, before CSS and layout, when the view or the skill changed) and, when zoomed
 * far out, by drawing every node as a plain rectangle on one canvas instead (level of detail).
 * <p>
 * Panning moves pictures that were painted once instead of repainting them (the software pipeline repaints the
 * whole area on every panned frame): at detail zoom each node view is cached as a bitmap, and the edges of the
 * visible area plus half a view on each side are materialised together and their layer is cached as one bitmap
 * (re-rendered only when an edge is added, removed, selected or hovered, or the view leaves that area; a live drag
 * turns the cache off until the drop); in the overview the blocks and lines are painted once onto a canvas that
 * is only moved while panning ({@link OverviewLayer}). While the view is being panned the graph does not take
 * the mouse, so hovering over edges on the way does not invalidate the cached layer.
 */
public final class GraphCanvas extends Region {
    /** Below this zoom the graph is drawn as an overview on a canvas. */
    public static final double DETAIL_SCALE = 0.45;
    private static final int MAX_HIDDEN_VIEWS = 400;
    private final NodeCatalog catalog;
    private final EditorModel model;
    private final IconCache icons;
    private final Viewport viewport = new Viewport();
    private final Canvas grid = new Canvas();
    private final OverviewLayer overview;
    private final Pane world = new Pane();
    private final Group edgeLayer = new Group();
    private final Group nodeLayer = new Group();
    private final Pane overlay = new Pane();
    private final Rectangle rubberBand = new Rectangle();
    private final Label messageLabel = new Label();
    private final PauseTransition messageTimer = new PauseTransition(Duration.seconds(5));
    private final CubicCurve preview = new CubicCurve();
    private final Minimap minimap;
    private final CanvasColours colours = new CanvasColours(this, this::coloursChanged);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final Map<String, NodeView> nodeViews = new HashMap<>();
    private final Map<SkillEdge, EdgeView> edgeViews = new HashMap<>();
    private final Map<SkillEdge, Point2D[]> edgeEnds = new HashMap<>();
    private final Map<String, SkillNode> nodesById = new LinkedHashMap<>();
    private final Map<String, Position> livePositions = new HashMap<>();
    private Function<String, StatusBadge> statusSource = id -> null;
    private boolean viewDirty = true;
    /**
     * Bumped whenever what the cached pictures show changes: the skill, the selection, colours, and live drag
     * positions at detail zoom (the overview draws dragged blocks on a canvas of their own instead).
     */
    private long contentVersion;
    /** World area whose edge views are materialised, and the content version it was culled for. */
    private Rectangle2D materialised;
    private long culledVersion = -1;
    private GridKey gridKey;

    /** What the grid bitmap depends on (panning only moves it). */
    private record GridKey(double w, double h, double step, boolean detail) {
    }


    private boolean fitPending;
    private double lastW = -1;
    private double lastH = -1;
    // node drag state
    private Point2D dragStart;
    private Map<String, Position> dragOrigins = Map.of();
    private boolean dragMoved;
    /** The node dragged by its block in the overview, or null. */
    private String overviewDrag;
    // connection drag state
    private PortView connectFrom;
    // background drag state
    private Point2D bandStart;
    private Point2D panLast;
    private Scene attachedScene;
    private final Runnable pulseListener = this::beforeLayout;

    public GraphCanvas(NodeCatalog catalog, EditorModel model, IconCache icons) {
        this.catalog = catalog;
        this.model = model;
        this.icons = icons;
        getStyleClass().add(CanvasStyles.GRAPH_CANVAS);
        setFocusTraversable(true);
        setMinSize(100, 100);
        world.setManaged(false);
        world.getTransforms().addAll(new Translate(), new Scale());
        Translate t = (Translate) world.getTransforms().get(0);
        Scale s = (Scale) world.getTransforms().get(1);
        t.xProperty().bind(viewport.txProperty());
        t.yProperty().bind(viewport.tyProperty());
        s.xProperty().bind(viewport.scaleProperty());
        s.yProperty().bind(viewport.scaleProperty());
        preview.getStyleClass().add(CanvasStyles.CONNECTION_PREVIEW);
        preview.setMouseTransparent(true);
        preview.setFill(null);
        preview.setVisible(false);
        world.getChildren().addAll(edgeLayer, nodeLayer, preview);
        world.setPickOnBounds(false);
        grid.setMouseTransparent(true);
        overview = new OverviewLayer(this);
        // the edges are rendered once into a bitmap and moved while panning; changes to the edges re-render it
        edgeLayer.setCache(true);
        overlay.setMouseTransparent(true);
        overlay.setManaged(false);
        rubberBand.getStyleClass().add(CanvasStyles.RUBBER_BAND);
        rubberBand.setVisible(false);
        messageLabel.getStyleClass().add(CanvasStyles.CANVAS_MESSAGE);
        messageLabel.setId("canvas-message");
        messageLabel.setVisible(false);
        messageLabel.setWrapText(true);
        messageLabel.setMaxWidth(460);
        overlay.getChildren().addAll(rubberBand, messageLabel);
        messageTimer.setOnFinished(e -> messageLabel.setVisible(false));
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
                Optional.ofNullable(nodeViews.get(c.getElementAdded())).ifPresent(v -> v.setSelected(true));
            }
            if (c.wasRemoved()) {
                Optional.ofNullable(nodeViews.get(c.getElementRemoved())).ifPresent(v -> v.setSelected(false));
            }
            contentChanged();
        });
        model.selectedEdges().addListener((SetChangeListener<SkillEdge>) c -> {
            if (c.wasAdded()) {
                Optional.ofNullable(edgeViews.get(c.getElementAdded())).ifPresent(v -> v.setSelected(true));
            }
            if (c.wasRemoved()) {
                Optional.ofNullable(edgeViews.get(c.getElementRemoved())).ifPresent(v -> v.setSelected(false));
            }
            contentChanged();
        });
        sceneProperty().addListener((o, old, now) -> attach(now));
        installBackgroundHandlers();
        reconcile();
    }

    public Viewport viewport() {
        return viewport;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public Minimap minimap() {
        return minimap;
    }

    /** Where badges come from; call {@link #refreshStatuses()} when they change. */
    public void setStatusSource(Function<String, StatusBadge> source) {
        statusSource = source;
        refreshStatuses();
    }

    public void refreshStatuses() {
        nodeViews.values().forEach(v -> applyStatus(v));
        requestRefresh();
    }

    /** The view of a node if it is currently materialised (inside the viewport at detail zoom). */
    public Optional<NodeView> nodeView(String nodeId) {
        NodeView v = nodeViews.get(nodeId);
        return v != null && v.isVisible() && nodeLayer.isVisible() ? Optional.of(v) : Optional.empty();
    }

    public Optional<EdgeView> edgeView(SkillEdge edge) {
        EdgeView v = edgeViews.get(edge);
        return v != null && v.isVisible() && edgeLayer.isVisible() ? Optional.of(v) : Optional.empty();
    }

    /** Number of node views currently shown (for tests and the benchmark). */
    public int shownNodeViews() {
        if (!nodeLayer.isVisible()) {
            return 0;
        }
        return (int) nodeViews.values().stream().filter(Region::isVisible).count();
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
        return contentBounds(Set.of());
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
            Position p = positionOf(n);
            minX = Math.min(minX, p.x());
            minY = Math.min(minY, p.y());
            maxX = Math.max(maxX, p.x() + NodeGeometry.WIDTH);
            maxY = Math.max(maxY, p.y() + NodeGeometry.HEIGHT);
        }
        return new Rectangle2D(minX, minY, maxX - minX, maxY - minY);
    }

    public void fitToView() {
        if (getWidth() <= 0) {
            fitPending = true;
            requestLayout();
            return;
        }
        Rectangle2D b = contentBounds();
        if (b != null) {
            viewport.fit(b, getWidth(), getHeight(), 40);
        }
    }

    public void centreOn(String nodeId) {
        SkillNode n = nodesById.get(nodeId);
        if (n == null) {
            return;
        }
        if (viewport.scale() < DETAIL_SCALE) {
            viewport.scaleProperty().set(1);
        }
        Position p = positionOf(n);
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
        message.set(text);
        messageLabel.setText(text);
        messageLabel.setVisible(true);
        messageLabel.autosize();
        messageTimer.playFromStart();
    }

    /** Moves nodes without recording an edit (the live part of a drag). {@link #commitMove()} records it. */
    public void previewMove(Map<String, Position> positions) {
        livePositions.putAll(positions);
        if (isOverview()) {
            requestRefresh(); // the overview draws the moving blocks on a canvas of their own
            return;
        }
        // the moving edges change every frame: a cached layer would be re-rendered whole each time
        edgeLayer.setCache(false);
        contentChanged();
    }

    public void commitMove() {
        if (livePositions.isEmpty()) {
            return;
        }
        Map<String, Position> moved = new HashMap<>(livePositions);
        int n = moved.size();
        livePositions.clear();
        edgeLayer.setCache(true);
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
        messageLabel.relocate(16, 12);
        if (w != lastW || h != lastH) {
            requestRefresh();
        }
    }

    // ---------------------------------------------------------------- skill → views

    private void reconcile() {
        Skill skill = model.skill();
        nodesById.clear();
        skill.nodes().forEach(n -> nodesById.put(n.id(), n));
        for (Iterator<Map.Entry<String, NodeView>> it = nodeViews.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, NodeView> e = it.next();
            SkillNode now = nodesById.get(e.getKey());
            if (now == null || !now.typeId().equals(e.getValue().node().typeId())) {
                nodeLayer.getChildren().remove(e.getValue());
                it.remove();
            } else if (!now.equals(e.getValue().node())) {
                e.getValue().update(now);
            }
        }
        Set<SkillEdge> edges = new HashSet<>(skill.edges());
        for (Iterator<Map.Entry<SkillEdge, EdgeView>> it = edgeViews.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<SkillEdge, EdgeView> e = it.next();
            if (!edges.contains(e.getKey())) {
                edgeLayer.getChildren().remove(e.getValue());
                edgeEnds.remove(e.getKey());
                it.remove();
            }
        }
        livePositions.keySet().retainAll(nodesById.keySet());
        contentVersion++;
        refreshStatuses();
    }

    private Position positionOf(SkillNode n) {
        Position live = livePositions.get(n.id());
        return live != null ? live : n.position();
    }

    private Point2D[] endsOf(SkillEdge e) {
        SkillNode a = nodesById.get(e.from().node());
        SkillNode b = nodesById.get(e.to().node());
        if (a == null || b == null) {
            return null;
        }
        NodeType ta = catalog.find(a.typeId()).orElse(null);
        NodeType tb = catalog.find(b.typeId()).orElse(null);
        if (ta == null || tb == null) {
            return null;
        }
        return new Point2D[] {NodeGeometry.outputPoint(ta, e.from().port(), positionOf(a)),
                NodeGeometry.inputPoint(tb, e.to().port(), positionOf(b))};
    }

    private void refreshView() {
        double w = getWidth();
        double h = getHeight();
        boolean detail = viewport.scale() >= DETAIL_SCALE;
        nodeLayer.setVisible(detail);
        edgeLayer.setVisible(detail);
        overview.setVisible(!detail);
        Rectangle2D vis = viewport.visibleWorld(w, h);
        Rectangle2D cull = new Rectangle2D(vis.getMinX() - NodeGeometry.WIDTH, vis.getMinY() - NodeGeometry.HEIGHT,
                vis.getWidth() + 2 * NodeGeometry.WIDTH, vis.getHeight() + 2 * NodeGeometry.HEIGHT);
        drawGrid(w, h, detail);
        if (detail) {
            cullNodes(cull);
            // edges are re-culled only when the view leaves the materialised area or the content changed, so that
            // the cached edge layer keeps its content (and its bitmap) for most pan frames
            if (culledVersion != contentVersion || materialised == null || !covers(materialised, cull)) {
                materialised = grow(cull, vis.getWidth() / 2, vis.getHeight() / 2);
                culledVersion = contentVersion;
                cullEdges(materialised);
            }
        } else {
            overview.show(vis, contentVersion, livePositions.keySet());
        }
        minimap.redraw(contentVersion);
    }

    static boolean covers(Rectangle2D outer, Rectangle2D inner) {
        return outer.getMinX() <= inner.getMinX() && outer.getMinY() <= inner.getMinY()
                && outer.getMaxX() >= inner.getMaxX() && outer.getMaxY() >= inner.getMaxY();
    }

    static Rectangle2D grow(Rectangle2D r, double dx, double dy) {
        return new Rectangle2D(r.getMinX() - dx, r.getMinY() - dy, r.getWidth() + 2 * dx, r.getHeight() + 2 * dy);
    }

    private void cullNodes(Rectangle2D cull) {
        Set<String> selected = model.selectedNodes();
        for (SkillNode n : nodesById.values()) {
            Position p = positionOf(n);
            boolean inside = cull.intersects(p.x(), p.y(), NodeGeometry.WIDTH, NodeGeometry.HEIGHT);
            NodeView v = nodeViews.get(n.id());
            if (inside) {
                if (v == null) {
                    Optional<NodeType> type = catalog.find(n.typeId());
                    if (type.isEmpty()) {
                        continue; // unknown types are reported by validation; nothing to draw them with
                    }
                    v = createNodeView(n, type.get());
                    v.setSelected(selected.contains(n.id()));
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
        Set<SkillEdge> selected = model.selectedEdges();
        for (SkillEdge e : model.skill().edges()) {
            Point2D[] ends = endsOf(e);
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
                    v.setSelected(selected.contains(e));
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

    /**
     * The grid is drawn once per zoom level on a canvas one grid step larger than the view; panning only shifts
     * that canvas, which is far cheaper for the software pipeline than re-rasterising the lines every frame.
     */
    private void drawGrid(double w, double h, boolean detail) {
        double step = NodeGeometry.GRID * viewport.scale();
        while (step < 12) {
            step *= 5;
        }
        GridKey key = new GridKey(w, h, step, detail);
        if (!key.equals(gridKey)) {
            gridKey = key;
            double gw = w + step;
            double gh = h + step;
            grid.setWidth(gw);
            grid.setHeight(gh);
            GraphicsContext g = grid.getGraphicsContext2D();
            // opaque, it is the canvas background too: one copy per frame instead of a fill plus a blend
            g.setFill(colours.get(CanvasColours.BACKGROUND));
            g.fillRect(0, 0, gw, gh);
            Color line = colours.get(CanvasColours.GRID);
            g.setStroke(detail ? line : line.deriveColor(0, 1, 1, 0.66));
            g.setLineWidth(1);
            for (double x = 0; x < gw; x += step) {
                g.strokeLine(Math.floor(x) + 0.5, 0, Math.floor(x) + 0.5, gh);
            }
            for (double y = 0; y < gh; y += step) {
                g.strokeLine(0, Math.floor(y) + 0.5, gw, Math.floor(y) + 0.5);
            }
        }
        Point2D origin = viewport.toScreen(0, 0);
        // whole pixels: a bitmap at a fractional offset is resampled on every frame (slow in the software pipeline)
        grid.setTranslateX(Math.rint(floorMod(origin.getX(), step) - step));
        grid.setTranslateY(Math.rint(floorMod(origin.getY(), step) - step));
    }

    private static double floorMod(double v, double m) {
        double r = v % m;
        return r < 0 ? r + m : r;
    }

    /** Both ends of an edge in world units, or null when an end's node or type is unknown. */
    Point2D[] edgeEnds(SkillEdge e) {
        return endsOf(e);
    }

    Set<String> selectedNodes() {
        return model.selectedNodes();
    }

    List<SkillEdge> edges() {
        return model.skill().edges();
    }

    Color categoryColour(NodeType t) {
        return t == null ? colours.get(CanvasColours.EDGE) : colours.category(t.category());
    }

    /** The colours it paints itself, from the stylesheet. */
    public CanvasColours colours() {
        return colours;
    }

    private void coloursChanged() {
        gridKey = null; // repaint the grid bitmap with the new background
        contentChanged();
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return CanvasColours.cssMetaData();
    }

    Map<String, SkillNode> nodes() {
        return nodesById;
    }

    Position position(SkillNode n) {
        return positionOf(n);
    }

    NodeType catalogType(SkillNode n) {
        return catalog.find(n.typeId()).orElse(null);
    }

    private void applyStatus(NodeView v) {
        StatusBadge b = statusSource.apply(v.node().id());
        if (b != null) {
            v.setStatus(b);
        }
    }

    // ---------------------------------------------------------------- views and their gestures

    private NodeView createNodeView(SkillNode n, NodeType type) {
        NodeView v = new NodeView(n, type, icons, (id, name) ->
                model.apply("Rename node", s -> GraphEdits.rename(s, id, name)));
        applyStatus(v);
        v.setOnMousePressed(e -> nodePressed(v, e));
        v.setOnMouseDragged(e -> nodeDragged(e));
        v.setOnMouseReleased(e -> nodeReleased(v, e));
        for (PortView p : v.inputs()) {
            installPortHandlers(p);
        }
        for (PortView p : v.outputs()) {
            installPortHandlers(p);
        }
        nodeViews.put(n.id(), v);
        nodeLayer.getChildren().add(v);
        return v;
    }

    private EdgeView createEdgeView(SkillEdge e) {
        EdgeView v = new EdgeView(e);
        v.setOnMousePressed(ev -> {
            if (ev.getButton() != MouseButton.PRIMARY) {
                return;
            }
            requestFocus();
            if (ev.isShiftDown() || ev.isShortcutDown()) {
                if (!model.selectedEdges().remove(e)) {
                    model.selectedEdges().add(e);
                }
            } else {
                model.select(List.of(), List.of(e));
            }
            ev.consume();
        });
        edgeViews.put(e, v);
        edgeLayer.getChildren().add(v);
        return v;
    }

    private void nodePressed(NodeView v, MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        requestFocus();
        startNodeDrag(v.node().id(), e);
        e.consume();
    }

    /** Selects the pressed node as a click does and remembers where the selection started. */
    private void startNodeDrag(String id, MouseEvent e) {
        Set<String> sel = model.selectedNodes();
        if (e.isShiftDown() || e.isShortcutDown()) {
            if (!sel.remove(id)) {
                sel.add(id);
            }
        } else if (!sel.contains(id)) {
            model.select(List.of(id), List.of());
        }
        dragStart = sceneToWorld(e.getSceneX(), e.getSceneY());
        dragMoved = false;
        Map<String, Position> origins = new HashMap<>();
        for (String s : sel) {
            SkillNode n = nodesById.get(s);
            if (n != null) {
                origins.put(s, n.position());
            }
        }
        dragOrigins = origins;
    }

    private void nodeDragged(MouseEvent e) {
        if (dragStart == null || dragOrigins.isEmpty()) {
            return;
        }
        Point2D now = sceneToWorld(e.getSceneX(), e.getSceneY());
        double dx = now.getX() - dragStart.getX();
        double dy = now.getY() - dragStart.getY();
        if (!dragMoved && Math.hypot(dx, dy) * viewport.scale() < 3) {
            return;
        }
        dragMoved = true;
        Map<String, Position> moved = new HashMap<>();
        dragOrigins.forEach((id, p) -> moved.put(id,
                new Position(NodeGeometry.snap(p.x() + dx), NodeGeometry.snap(p.y() + dy))));
        previewMove(moved);
        e.consume();
    }

    private void nodeReleased(NodeView v, MouseEvent e) {
        finishNodeDrag(v.node().id(), e);
    }

    private void finishNodeDrag(String id, MouseEvent e) {
        if (dragStart == null) {
            return;
        }
        dragStart = null;
        if (dragMoved) {
            commitMove();
        } else if (!e.isShiftDown() && !e.isShortcutDown() && e.isStillSincePress()) {
            model.select(List.of(id), List.of());
        }
        dragMoved = false;
        e.consume();
    }

    /** The topmost node whose block covers a world point (the overview has no views to press on). */
    private Optional<String> blockAt(Point2D at) {
        String hit = null;
        for (SkillNode n : nodesById.values()) {
            Position p = positionOf(n);
            if (at.getX() >= p.x() && at.getX() <= p.x() + NodeGeometry.WIDTH && at.getY() >= p.y()
                    && at.getY() <= p.y() + NodeGeometry.HEIGHT) {
                hit = n.id(); // later nodes are drawn over earlier ones
            }
        }
        return Optional.ofNullable(hit);
    }

    private void installPortHandlers(PortView p) {
        p.setOnMousePressed(e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                requestFocus();
                startConnection(p);
                e.consume();
            }
        });
        p.setOnMouseDragged(e -> {
            if (connectFrom != null) {
                Point2D w = sceneToWorld(e.getSceneX(), e.getSceneY());
                Point2D a = portPoint(connectFrom);
                if (connectFrom.isInput()) {
                    EdgeView.shape(preview, w, a);
                } else {
                    EdgeView.shape(preview, a, w);
                }
                preview.setVisible(true);
                e.consume();
            }
        });
        p.setOnMouseReleased(e -> {
            if (connectFrom != null) {
                finishConnection(sceneToWorld(e.getSceneX(), e.getSceneY()));
                e.consume();
            }
        });
    }

    private Point2D portPoint(PortView p) {
        SkillNode n = nodesById.get(p.ref().node());
        NodeType t = catalog.get(n.typeId());
        return p.isInput() ? NodeGeometry.inputPoint(t, p.ref().port(), positionOf(n))
                : NodeGeometry.outputPoint(t, p.ref().port(), positionOf(n));
    }

    private void startConnection(PortView from) {
        connectFrom = from;
        Skill skill = model.skill();
        for (NodeView v : nodeViews.values()) {
            if (!v.isVisible()) {
                continue;
            }
            for (PortView target : from.isInput() ? v.outputs() : v.inputs()) {
                Optional<String> why = from.isInput()
                        ? Connection.refusal(skill, catalog, target.ref(), from.ref())
                        : Connection.refusal(skill, catalog, from.ref(), target.ref());
                target.highlight(why.isEmpty(), why.orElse(""));
            }
        }
    }

    private void finishConnection(Point2D at) {
        PortView from = connectFrom;
        connectFrom = null;
        preview.setVisible(false);
        nodeViews.values().forEach(v -> {
            v.inputs().forEach(PortView::clearHighlight);
            v.outputs().forEach(PortView::clearHighlight);
        });
        Optional<PortView> target = portAt(at, !from.isInput());
        PortRef targetRef;
        if (target.isPresent()) {
            targetRef = target.get().ref();
        } else {
            Optional<NodeView> over = nodeAt(at);
            if (over.isEmpty() || over.get().node().id().equals(from.ref().node())) {
                return; // dropped on empty canvas or back on its own node: nothing to connect
            }
            List<PortView> candidates = from.isInput() ? over.get().outputs() : over.get().inputs();
            if (candidates.isEmpty()) {
                NodeView n = over.get();
                showMessage("Cannot connect: '" + n.node().displayName() + "' (" + n.type().displayName()
                        + ") has no " + (from.isInput() ? "outputs" : "inputs"));
                return;
            }
            targetRef = candidates.get(0).ref();
            target = Optional.of(candidates.get(0));
        }
        Optional<String> refused = from.isInput() ? connect(targetRef, from.ref()) : connect(from.ref(), targetRef);
        if (refused.isPresent()) {
            target.get().explain(refused.get());
        }
    }

    /** A port of the wanted direction within reach of a world point. */
    private Optional<PortView> portAt(Point2D at, boolean wantInput) {
        double reach = NodeGeometry.PORT_RADIUS * 2;
        for (NodeView v : nodeViews.values()) {
            if (!v.isVisible()) {
                continue;
            }
            for (PortView p : wantInput ? v.inputs() : v.outputs()) {
                if (portPoint(p).distance(at) <= reach) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    private Optional<NodeView> nodeAt(Point2D at) {
        for (NodeView v : nodeViews.values()) {
            Position p = positionOf(v.node());
            if (v.isVisible() && at.getX() >= p.x() && at.getX() <= p.x() + NodeGeometry.WIDTH
                    && at.getY() >= p.y() && at.getY() <= p.y() + NodeGeometry.HEIGHT) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    private void installBackgroundHandlers() {
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            requestFocus();
            if (e.getButton() == MouseButton.MIDDLE || e.getButton() == MouseButton.SECONDARY) {
                panLast = new Point2D(e.getX(), e.getY());
                world.setMouseTransparent(true);
            } else if (e.getButton() == MouseButton.PRIMARY) {
                Optional<String> block = isOverview() ? blockAt(viewport.toWorld(e.getX(), e.getY()))
                        : Optional.empty();
                if (block.isPresent()) {
                    overviewDrag = block.get();
                    startNodeDrag(overviewDrag, e);
                } else {
                    bandStart = new Point2D(e.getX(), e.getY());
                }
            }
        });
        addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (overviewDrag != null) {
                nodeDragged(e);
            } else if (panLast != null) {
                viewport.panBy(e.getX() - panLast.getX(), e.getY() - panLast.getY());
                panLast = new Point2D(e.getX(), e.getY());
            } else if (bandStart != null) {
                rubberBand.setVisible(true);
                rubberBand.setX(Math.min(bandStart.getX(), e.getX()));
                rubberBand.setY(Math.min(bandStart.getY(), e.getY()));
                rubberBand.setWidth(Math.abs(e.getX() - bandStart.getX()));
                rubberBand.setHeight(Math.abs(e.getY() - bandStart.getY()));
            }
        });
        addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            if (overviewDrag != null) {
                String id = overviewDrag;
                overviewDrag = null;
                finishNodeDrag(id, e);
            }
            if (bandStart != null) {
                if (rubberBand.isVisible()) {
                    selectInBand(e.isShiftDown() || e.isShortcutDown());
                } else if (!e.isShiftDown() && !e.isShortcutDown()) {
                    model.clearSelection();
                }
            }
            rubberBand.setVisible(false);
            bandStart = null;
            panLast = null;
            world.setMouseTransparent(false);
        });
        addEventHandler(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() != 0) {
                viewport.zoomAt(e.getDeltaY() > 0 ? 1.15 : 1 / 1.15, e.getX(), e.getY());
            }
            e.consume();
        });
    }

    private void selectInBand(boolean add) {
        Point2D a = viewport.toWorld(rubberBand.getX(), rubberBand.getY());
        Point2D b = viewport.toWorld(rubberBand.getX() + rubberBand.getWidth(),
                rubberBand.getY() + rubberBand.getHeight());
        Rectangle2D r = new Rectangle2D(a.getX(), a.getY(), b.getX() - a.getX(), b.getY() - a.getY());
        List<String> hit = new ArrayList<>();
        for (SkillNode n : nodesById.values()) {
            Position p = positionOf(n);
            if (r.intersects(p.x(), p.y(), NodeGeometry.WIDTH, NodeGeometry.HEIGHT)) {
                hit.add(n.id());
            }
        }
        if (add) {
            model.selectedNodes().addAll(hit);
        } else {
            model.select(hit, List.of());
        }
    }
}
