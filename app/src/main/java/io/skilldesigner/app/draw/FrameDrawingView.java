package io.skilldesigner.app.draw;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import io.skilldesigner.app.preview.InArrow;
import io.skilldesigner.app.preview.PreviewSession;
import io.skilldesigner.app.ui.FxFrames;
import io.skilldesigner.app.ui.Rows;
import io.skilldesigner.canvas.SkillEditor;
import io.skilldesigner.core.catalog.EffectiveSettings;
import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.catalog.NodeType;
import io.skilldesigner.core.catalog.SettingSpec;
import io.skilldesigner.core.catalog.nodes.DirectedLine;
import io.skilldesigner.core.catalog.nodes.ZoneNode;
import io.skilldesigner.core.model.ModelLibrary;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.skill.SkillNode;
import io.skilldesigner.core.validation.SettingsResolver;
import io.skilldesigner.engine.analytics.Anchor;
import io.skilldesigner.engine.analytics.Point;
import io.skilldesigner.engine.frame.DetectedObject;
import io.skilldesigner.engine.frame.Frame;
import io.skilldesigner.engine.frame.FrameImage;
import javafx.animation.AnimationTimer;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * Draws one zone polygon or line of a skill on the video: the skill runs as in Live Preview (its own source, the
 * shapes as drawn), Pause keeps the frame still to draw on. Mouse: click adds a corner, drag moves a corner or
 * the whole shape, right-click on a corner removes it. Keyboard: Tab / Shift+Tab pick a corner, arrows nudge it
 * (or the whole shape when none is picked; Shift: finer), Delete removes it, Insert adds one after it, F flips a
 * line's arrow, Ctrl+Z / Ctrl+Y undo and redo. Every change is one step of the skill editor's history; the stored
 * values stay fractions of the frame. Shown on the frame: each object's anchor (the point of its box that counts,
 * as the node's "Object position" says) and the node's own event counts since the shape last changed.
 */
public final class FrameDrawingView extends BorderPane {
    private static final double GRAB_PX = 9;
    private static final Color SHAPE = Color.web("#ff1744");
    private static final Color SELECTED = Color.web("#ffea00");
    private static final Color ANCHOR = Color.web("#00e5ff");

    private final SkillEditor editor;
    private final NodeCatalog catalog;
    private final ModelLibrary models;
    private final Path workspace;
    private final ExecutorService background;
    private final String nodeId;
    private final String key;
    private final SettingSpec spec;
    private final NodeType type;
    private final ImageView video = new ImageView();
    private final Canvas canvas = new Canvas();
    private final Pane frame = new Pane(video, canvas);
    private final ToggleButton pause = new ToggleButton("Pause");
    private final Label semantics = new Label();
    private final Label counts = new Label("counts: starting…");
    private final Label status = new Label();
    private final FxFrames fxFrames = new FxFrames();
    private final AnimationTimer timer;
    private final PauseTransition restart = new PauseTransition(Duration.millis(400));
    private final ChangeListener<Skill> skillListener;
    /** Which start is current: a start that finishes after a newer one was asked for closes itself. */
    private final AtomicInteger generation = new AtomicInteger();

    private DrawnShape shape;
    private int selected = -1;
    private PreviewSession session;
    private NodeEventTally tally;
    private Frame shownFrame;
    private double frameAspect = 16.0 / 9.0;
    private Drag drag;
    private boolean closed;

    /** A press in progress: on a corner, on the shape, or on empty frame (a click that adds a corner). */
    private record Drag(int corner, boolean whole, Point start, DrawnShape before, boolean moved) {
        Drag movedOnce() {
            return new Drag(corner, whole, start, before, true);
        }
    }

    public FrameDrawingView(SkillEditor editor, NodeCatalog catalog, ModelLibrary models, Path workspace,
                            ExecutorService background, String nodeId, String key) {
        this.editor = editor;
        this.catalog = catalog;
        this.models = models;
        this.workspace = workspace;
        this.background = background;
        this.nodeId = nodeId;
        this.key = key;
        SkillNode node = editor.getSkill().node(nodeId).orElseThrow(
                () -> new IllegalArgumentException("no node '" + nodeId + "' in the skill"));
        this.type = catalog.get(node.typeId());
        this.spec = type.setting(key).orElseThrow(
                () -> new IllegalArgumentException("node type " + type.id() + " has no setting '" + key + "'"));
        setId("draw-view");
        shape = shapeOf(editor.getSkill());

        frame.setId("draw-frame");
        frame.setMinSize(320, 180);
        frame.setPrefSize(800, 450);
        frame.setStyle("-fx-background-color: #202020;");
        video.setPreserveRatio(true);
        canvas.setId("draw-canvas");
        canvas.setFocusTraversable(true);
        canvas.widthProperty().bind(frame.widthProperty());
        canvas.heightProperty().bind(frame.heightProperty());
        video.fitWidthProperty().bind(frame.widthProperty());
        video.fitHeightProperty().bind(frame.heightProperty());
        frame.widthProperty().addListener((o, a, b) -> redraw());
        frame.heightProperty().addListener((o, a, b) -> redraw());
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        canvas.addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        setCenter(frame);
        setTop(toolbar());
        Label hint = new Label(hint());
        hint.setWrapText(true);
        VBox bottom = new VBox(4, semantics, counts, status, hint);
        bottom.setPadding(new Insets(6));
        semantics.setId("draw-semantics");
        counts.setId("draw-counts");
        status.setId("draw-status");
        semantics.setWrapText(true);
        status.setWrapText(true);
        setBottom(bottom);

        skillListener = (o, a, b) -> skillChanged(a, b);
        editor.skillProperty().addListener(skillListener);
        restart.setOnFinished(e -> startSession());
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                paint();
            }
        };
        timer.start();
        updateSemantics();
        startSession();
    }

    private String hint() {
        return (shape.isLine() ? "Click to place A then B" : "Click to add a corner")
                + " · drag a corner or the " + (shape.isLine() ? "line" : "zone") + " · right-click or Delete removes"
                + " a corner · Tab picks a corner, arrows nudge (Shift: finer) · Insert adds a corner"
                + (shape.isLine() ? " · F flips the arrow" : "") + " · Ctrl+Z / Ctrl+Y undo, redo";
    }

    private Node toolbar() {
        pause.setId("draw-pause");
        pause.selectedProperty().addListener((o, a, b) -> pause.setText(b ? "Resume" : "Pause"));
        Button clear = new Button(shape.isLine() ? "Draw a new line" : "Draw a new zone");
        clear.setId("draw-clear");
        clear.setOnAction(e -> {
            shape = shape.cleared();
            selected = -1;
            status.setText("Click " + (shape.isLine() ? "A and B" : "the corners") + " on the frame; stored once "
                    + spec.min().intValue() + " points are placed.");
            redraw();
            canvas.requestFocus();
        });
        Button remove = new Button("Delete corner");
        remove.setId("draw-delete-corner");
        remove.setOnAction(e -> removeSelected());
        Button undo = new Button("Undo");
        undo.setId("draw-undo");
        undo.disableProperty().bind(editor.canUndoProperty().not());
        undo.setOnAction(e -> editor.undo());
        Button redo = new Button("Redo");
        redo.setId("draw-redo");
        redo.disableProperty().bind(editor.canRedoProperty().not());
        redo.setOnAction(e -> editor.redo());
        Button flip = new Button("Flip arrow");
        flip.setId("draw-flip");
        flip.setVisible(directed() != null);
        flip.setManaged(directed() != null);
        flip.setOnAction(e -> flipArrow());
        Button done = new Button("Done");
        done.setId("draw-done");
        done.setOnAction(e -> {
            if (getScene() != null && getScene().getWindow() != null) {
                getScene().getWindow().hide();
            }
        });
        FlowPane row = Rows.of(6, pause, clear, remove, flip, undo, redo, done);
        row.setPadding(new Insets(6));
        return row;
    }

    /**
     * Opens the drawing of {@code nodeId}'s {@code key} in a window of its own beside {@code owner} (its theme
     * kept); closing the window stops its run.
     */
    public static Stage show(Window owner, SkillEditor editor, NodeCatalog catalog, ModelLibrary models,
                             Path workspace, ExecutorService background, String nodeId, String key) {
        FrameDrawingView view = new FrameDrawingView(editor, catalog, models, workspace, background, nodeId, key);
        Stage stage = new Stage();
        stage.initOwner(owner);
        String name = editor.getSkill().node(nodeId).map(n -> n.displayName().isBlank() ? n.id() : n.displayName())
                .orElse(nodeId);
        stage.setTitle("Draw " + name + " (" + view.spec.label() + ") on the frame");
        Scene scene = new Scene(view, 1000, 720);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        stage.setOnHidden(e -> view.close());
        stage.show();
        view.canvas.requestFocus();
        return stage;
    }

    // ---- the skill side -------------------------------------------------------------------------------------

    private DrawnShape shapeOf(Skill skill) {
        Object value = skill.node(nodeId).map(n -> EffectiveSettings.lenient(type, n))
                .orElseGet(() -> EffectiveSettings.defaults(type, nodeId)).get(key);
        int min = spec.min() == null ? 2 : spec.min().intValue();
        int max = spec.max() == null ? Integer.MAX_VALUE : spec.max().intValue();
        return DrawnShape.of(value, min, max);
    }

    private DirectedLine directed() {
        return type instanceof DirectedLine d && d.lineKey().equals(key) ? d : null;
    }

    private Map<String, Object> resolved(Skill skill) {
        return skill.node(nodeId).map(n -> new SettingsResolver(catalog).resolve(skill, n).values()).orElse(Map.of());
    }

    /** Stores the shape as one undoable step of the skill editor (only a complete shape is stored). */
    private void commit(DrawnShape s) {
        shape = s;
        if (s.isComplete()) {
            editor.setSetting(nodeId, key, s.value());
        }
        redraw();
    }

    private void skillChanged(Skill before, Skill after) {
        DrawnShape stored = shapeOf(after);
        // a shape still being drawn (fewer points than the setting needs) is not in the skill yet: keep it
        if (shape.isComplete() || !stored.equals(shapeOf(before))) {
            shape = stored;
        }
        if (selected >= shape.points().size()) {
            selected = -1;
        }
        updateSemantics();
        redraw();
        if (!resolved(before).equals(resolved(after)) || !before.edges().equals(after.edges())) {
            restart.playFromStart(); // run the skill as it is drawn now, so the counts are the new shape's
        }
    }

    private void flipArrow() {
        DirectedLine d = directed();
        if (d == null) {
            return;
        }
        List<String> sides = type.setting(d.inSideKey()).map(SettingSpec::choices).orElse(List.of());
        Object now = resolved(editor.getSkill()).get(d.inSideKey());
        if (sides.size() == 2) {
            editor.setSetting(nodeId, d.inSideKey(), sides.get(0).equals(now) ? sides.get(1) : sides.get(0));
        }
    }

    private void updateSemantics() {
        Map<String, Object> values = resolved(editor.getSkill());
        Object anchor = values.get(ZoneNode.ANCHOR);
        StringBuilder sb = new StringBuilder();
        if (anchor != null) {
            sb.append("Counts the ").append(Anchor.of(String.valueOf(anchor)) == Anchor.CENTER
                    ? "centre" : "bottom centre").append(" of each box (dots; Object position: ").append(anchor)
                    .append(")");
        }
        DirectedLine d = directed();
        if (d != null) {
            sb.append(sb.isEmpty() ? "" : " · ").append("\"in\" = crossing towards the arrow (")
                    .append(values.get(d.inSideKey())).append(" of A→B)");
        }
        sb.append(sb.isEmpty() ? "" : " · ").append(pointsText());
        semantics.setText(sb.toString());
    }

    private String pointsText() {
        StringBuilder sb = new StringBuilder(shape.isLine() ? "A→B: " : "corners: ");
        for (Point p : shape.points()) {
            sb.append(String.format(Locale.ROOT, "(%.3f, %.3f) ", p.x(), p.y()));
        }
        return sb.toString().trim();
    }

    // ---- the run ------------------------------------------------------------------------------------------

    private void startSession() {
        int gen = generation.incrementAndGet();
        Skill skill = editor.getSkill();
        PreviewSession old = session;
        session = null;
        tally = null;
        counts.setText("counts: starting…");
        background.submit(() -> {
            if (old != null) {
                old.close();
            }
            PreviewSession s;
            NodeEventTally t = new NodeEventTally(nodeId);
            try {
                s = PreviewSession.start(skill, catalog, models, workspace, null);
                s.tap(nodeId, t::accept);
            } catch (Exception e) {
                Platform.runLater(() -> {
                    if (gen == generation.get()) {
                        counts.setText("counts: the skill does not run here (" + e.getMessage() + ")");
                    }
                });
                return;
            }
            Platform.runLater(() -> {
                if (gen != generation.get() || closed) {
                    background.submit(s::close);
                    return;
                }
                session = s;
                tally = t;
            });
        });
    }

    /** Stops the run; the window is closing. */
    public void close() {
        closed = true;
        timer.stop();
        restart.stop();
        editor.skillProperty().removeListener(skillListener);
        generation.incrementAndGet();
        PreviewSession s = session;
        session = null;
        if (s != null) {
            background.submit(s::close);
        }
    }

    /** For tests: the frame shown now, or null. */
    public Frame shownFrame() {
        return shownFrame;
    }

    /** For tests and the app: the live counts of the node's events since the shape last changed. */
    public Map<String, Long> liveCounts() {
        NodeEventTally t = tally;
        return t == null ? Map.of() : t.counts();
    }

    private void paint() {
        PreviewSession s = session;
        NodeEventTally t = tally;
        if (t != null) {
            counts.setText("counts since the last change: " + t.text());
        }
        if (s == null || pause.isSelected()) {
            return;
        }
        Frame f = s.acquireLatestFrame();
        try {
            if (f != null && f != shownFrame && f.image() != null) {
                shownFrame = f; // kept for its objects only: its pixels may be reused after the release below
                frameAspect = f.width() / (double) f.height();
                video.setImage(fxFrames.toImage(f.image().mat(), (int) Math.ceil(frame.getWidth()),
                        (int) Math.ceil(frame.getHeight())));
                redraw();
            }
        } finally {
            if (f != null) {
                FrameImage.release(f.image()); // the FX image is a copy
            }
        }
        String state = s.runMessage().isBlank() ? s.sourceState() : s.runMessage();
        status.setText(state);
    }

    // ---- geometry on screen -------------------------------------------------------------------------------

    /** Where the frame sits in the pane: x, y, w, h (letterboxed, aspect kept). */
    private double[] rect() {
        double pw = frame.getWidth();
        double ph = frame.getHeight();
        double w = Math.min(pw, ph * frameAspect);
        double h = w / frameAspect;
        return new double[]{0, 0, w, h}; // the image view sits at the pane's top left
    }

    /** For tests: where a point of the frame (fractions) is on the screen now. */
    public Point2D toScreen(double fx, double fy) {
        double[] r = rect();
        return canvas.localToScreen(r[0] + fx * r[2], r[1] + fy * r[3]);
    }

    private Point toFrame(double sx, double sy) {
        double[] r = rect();
        return new Point((sx - r[0]) / r[2], (sy - r[1]) / r[3]);
    }

    private double[] tolerance() {
        double[] r = rect();
        return new double[]{GRAB_PX / r[2], GRAB_PX / r[3]};
    }

    private void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        double[] r = rect();
        g.setStroke(Color.gray(0.6));
        g.setLineWidth(1);
        g.strokeRect(r[0], r[1], r[2], r[3]);
        Frame f = shownFrame;
        Object anchorChoice = resolved(editor.getSkill()).get(ZoneNode.ANCHOR);
        if (f != null && anchorChoice != null) {
            Anchor anchor = Anchor.of(String.valueOf(anchorChoice));
            for (DetectedObject o : f.objects()) {
                g.setStroke(ANCHOR.deriveColor(0, 1, 1, 0.6));
                g.strokeRect(r[0] + o.bbox().l() * r[2], r[1] + o.bbox().t() * r[3], o.bbox().w() * r[2],
                        o.bbox().h() * r[3]);
                Point a = anchor.of(o.bbox());
                g.setFill(ANCHOR);
                g.fillOval(r[0] + a.x() * r[2] - 5, r[1] + a.y() * r[3] - 5, 10, 10);
            }
        }
        List<Point> p = shape.points();
        double[] xs = new double[p.size()];
        double[] ys = new double[p.size()];
        for (int i = 0; i < p.size(); i++) {
            xs[i] = r[0] + p.get(i).x() * r[2];
            ys[i] = r[1] + p.get(i).y() * r[3];
        }
        g.setLineWidth(3);
        g.setStroke(SHAPE);
        if (shape.isLine() || !shape.isComplete()) {
            g.strokePolyline(xs, ys, p.size());
        } else {
            g.setFill(SHAPE.deriveColor(0, 1, 1, 0.18));
            g.fillPolygon(xs, ys, p.size());
            g.strokePolygon(xs, ys, p.size());
        }
        DirectedLine d = directed();
        if (d != null && p.size() == 2 && (xs[0] != xs[1] || ys[0] != ys[1])) {
            DirectedLine.Arrow a = DirectedLine.Arrow.of(xs[0], ys[0], xs[1], ys[1],
                    d.inSide(resolved(editor.getSkill())), 40);
            g.setFill(SHAPE);
            InArrow.draw(g, a, 12);
        }
        for (int i = 0; i < p.size(); i++) {
            g.setFill(i == selected ? SELECTED : Color.WHITE);
            g.setStroke(SHAPE);
            g.setLineWidth(2);
            g.fillRect(xs[i] - 6, ys[i] - 6, 12, 12);
            g.strokeRect(xs[i] - 6, ys[i] - 6, 12, 12);
            g.setFill(Color.WHITE);
            g.fillText(shape.isLine() ? (i == 0 ? "A" : "B") : Integer.toString(i + 1), xs[i] + 8, ys[i] - 8);
        }
        updateSemantics();
    }

    // ---- mouse and keyboard -------------------------------------------------------------------------------

    private void pressed(MouseEvent e) {
        canvas.requestFocus();
        Point at = toFrame(e.getX(), e.getY());
        double[] tol = tolerance();
        int corner = shape.cornerAt(at, tol[0], tol[1]);
        if (e.getButton() == MouseButton.SECONDARY) {
            if (corner >= 0) {
                selected = corner;
                removeSelected();
            }
            drag = null;
            return;
        }
        selected = corner;
        boolean whole = corner < 0 && shape.isComplete() && shape.grabs(at, tol[0], tol[1]);
        drag = new Drag(corner, whole, at, shape, false);
        redraw();
    }

    private void dragged(MouseEvent e) {
        if (drag == null) {
            return;
        }
        Point at = toFrame(e.getX(), e.getY());
        double[] r = rect();
        if (!drag.moved() && Math.hypot((at.x() - drag.start().x()) * r[2], (at.y() - drag.start().y()) * r[3]) < 3) {
            return;
        }
        drag = drag.movedOnce();
        if (drag.corner() >= 0) {
            shape = drag.before().move(drag.corner(), at);
        } else if (drag.whole()) {
            shape = drag.before().translate(at.x() - drag.start().x(), at.y() - drag.start().y());
        }
        redraw();
    }

    private void released(MouseEvent e) {
        Drag d = drag;
        drag = null;
        if (d == null || e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        if (d.moved() && (d.corner() >= 0 || d.whole())) {
            commit(shape);
        } else if (!d.moved() && d.corner() < 0) {
            Point at = toFrame(e.getX(), e.getY());
            if (at.x() >= 0 && at.x() <= 1 && at.y() >= 0 && at.y() <= 1 && shape.points().size() < shape.maxPoints()) {
                DrawnShape added = shape.add(at);
                selected = added.points().indexOf(DrawnShape.snap(at));
                commit(added);
            }
        }
    }

    private void removeSelected() {
        if (selected >= 0) {
            DrawnShape less = shape.remove(selected);
            if (less == shape) {
                status.setText("A " + (shape.isLine() ? "line" : "zone") + " needs at least " + shape.minPoints()
                        + " points; drag this one instead.");
                return;
            }
            selected = -1;
            commit(less);
        }
    }

    private void key(KeyEvent e) {
        KeyCode c = e.getCode();
        int n = shape.points().size();
        double step = e.isShiftDown() ? 0.001 : 0.01;
        if (e.isShortcutDown() && c == KeyCode.Z) {
            if (e.isShiftDown()) {
                editor.redo();
            } else {
                editor.undo();
            }
        } else if (e.isShortcutDown() && c == KeyCode.Y) {
            editor.redo();
        } else if (c == KeyCode.TAB && n > 0) {
            selected = e.isShiftDown() ? (selected <= 0 ? n - 1 : selected - 1) : (selected + 1) % n;
            redraw();
        } else if (c == KeyCode.ESCAPE) {
            selected = -1;
            redraw();
        } else if (c == KeyCode.DELETE || c == KeyCode.BACK_SPACE) {
            removeSelected();
        } else if (c == KeyCode.INSERT && n >= 2 && n < shape.maxPoints()) {
            int i = selected >= 0 ? selected : n - 1;
            Point a = shape.points().get(i);
            Point b = shape.points().get((i + 1) % n);
            commit(shape.add(new Point((a.x() + b.x()) / 2, (a.y() + b.y()) / 2)));
        } else if (c == KeyCode.F) {
            flipArrow();
        } else if (c.isArrowKey() && shape.isComplete()) {
            double dx = c == KeyCode.LEFT ? -step : c == KeyCode.RIGHT ? step : 0;
            double dy = c == KeyCode.UP ? -step : c == KeyCode.DOWN ? step : 0;
            if (selected >= 0) {
                Point p = shape.points().get(selected);
                commit(shape.move(selected, new Point(p.x() + dx, p.y() + dy)));
            } else {
                commit(shape.translate(dx, dy));
            }
        } else {
            return;
        }
        e.consume();
    }
}
