package io.skilldesigner.app.draw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import io.skilldesigner.app.Screenshots;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import io.skilldesigner.app.demo.DemoWorkspace;
import io.skilldesigner.canvas.SkillEditor;
import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.catalog.PortSpec;
import io.skilldesigner.core.catalog.nodes.LineCrossingNode;
import io.skilldesigner.core.catalog.nodes.ZoneNode;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.skill.SkillEdge;
import io.skilldesigner.core.workspace.Workspace;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Drawing on the frame, headless: the demo skill (real demo video, detector, classifier, tracker) with a zone
 * added before its mid line; the line and the zone are drawn with the mouse on the running video, the stored
 * fractions checked, undo/redo through the editor's history, the keyboard, and the live counts of each node.
 */
@ExtendWith(ApplicationExtension.class)
class FrameDrawingTest {
    @TempDir
    static Path tmp;
    private final NodeCatalog catalog = NodeCatalog.standard();
    private final ExecutorService background = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "draw-test");
        t.setDaemon(true);
        return t;
    });
    private SkillEditor editor;
    private Workspace ws;

    @Start
    void start(Stage stage) throws Exception {
        ws = DemoWorkspace.openOrCreate(tmp.resolve("ws"), catalog);
        Skill demo = ws.loadSkill(DemoWorkspace.SKILL_ID);
        // tracker -> zone -> mid line: the zone counts the ball's visits, the line its crossings
        Skill skill = demo.withoutEdge(SkillEdge.of("tracker", PortSpec.FRAME_PORT, "midline", PortSpec.FRAME_PORT))
                .withNode(catalog.get(ZoneNode.ID).newNode("zone1").withDisplayName("Left half"))
                .withEdge(SkillEdge.of("tracker", PortSpec.FRAME_PORT, "zone1", PortSpec.FRAME_PORT))
                .withEdge(SkillEdge.of("zone1", PortSpec.FRAME_PORT, "midline", PortSpec.FRAME_PORT));
        editor = new SkillEditor(catalog, ws.modelLibrary());
        editor.setSkill(skill);
        editor.setOnDrawOnFrame((node, key) -> FrameDrawingView.show(stage, editor, catalog, ws.modelLibrary(),
                ws.root(), background, node, key));
        stage.setScene(new Scene(editor, 1300, 850));
        stage.show();
    }

    @AfterEach
    void closeWindows(FxRobot robot) throws Exception {
        robot.interact(() -> List.copyOf(Window.getWindows()).stream().filter(w -> w instanceof Stage s
                && s.getOwner() != null).forEach(Window::hide));
        background.shutdown(); // hiding the window queued the run's stop: let it finish
        assertTrue(background.awaitTermination(60, TimeUnit.SECONDS), "the drawing's run stops");
    }

    private static <T> T fx(FxRobot robot, Supplier<T> s) {
        Object[] out = new Object[1];
        robot.interact(() -> out[0] = s.get());
        @SuppressWarnings("unchecked")
        T t = (T) out[0];
        return t;
    }

    private static void waitUntil(String what, long seconds, Supplier<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                return condition.get();
            });
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting for: " + what, e);
        }
    }

    /** Opens the drawing of a node's setting from its properties ("Draw on frame…") and waits for video. */
    private FrameDrawingView open(FxRobot robot, String nodeId, String key) throws Exception {
        robot.interact(() -> editor.select(List.of(nodeId)));
        robot.clickOn("#draw-" + key);
        waitUntil("the drawing window", 10, () -> robot.lookup("#draw-view").tryQuery().isPresent());
        FrameDrawingView view = robot.lookup("#draw-view").queryAs(FrameDrawingView.class);
        waitUntil("a video frame in the drawing", 120, () -> view.shownFrame() != null);
        robot.clickOn("#draw-pause"); // draw on a still frame, as a user would
        return view;
    }

    private static Point2D at(FxRobot robot, FrameDrawingView view, double x, double y) {
        return fx(robot, () -> view.toScreen(x, y));
    }

    @SuppressWarnings("unchecked")
    private List<List<Double>> stored(FxRobot robot, String nodeId, String key) {
        return fx(robot, () -> (List<List<Double>>) editor.getSkill().node(nodeId).orElseThrow().settings().get(key));
    }

    private static void assertPoints(double[][] want, List<List<Double>> got) {
        assertEquals(want.length, got.size(), "points: " + got);
        for (int i = 0; i < want.length; i++) {
            for (int k = 0; k < 2; k++) {
                assertEquals(want[i][k], got.get(i).get(k), 0.004, "point " + i + " of " + got);
            }
        }
    }

    @Test
    void drawALineWithTheMouseStoresFractionsUndoesAndCountsCrossingsLive(FxRobot robot) throws Exception {
        FrameDrawingView view = open(robot, "midline", LineCrossingNode.LINE);
        robot.clickOn("#draw-clear");
        robot.clickOn(at(robot, view, 0.4, 0.2), MouseButton.PRIMARY);
        robot.clickOn(at(robot, view, 0.4, 0.7), MouseButton.PRIMARY);
        assertPoints(new double[][]{{0.4, 0.2}, {0.4, 0.7}}, stored(robot, "midline", LineCrossingNode.LINE));

        // drag B near the bottom edge: it snaps onto the edge
        robot.drag(at(robot, view, 0.4, 0.7), MouseButton.PRIMARY).moveTo(at(robot, view, 0.45, 0.5))
                .moveTo(at(robot, view, 0.5, 0.99)).release(MouseButton.PRIMARY);
        List<List<Double>> line = stored(robot, "midline", LineCrossingNode.LINE);
        assertPoints(new double[][]{{0.4, 0.2}, {0.5, 1.0}}, line);
        assertEquals(1.0, line.get(1).get(1), 0.0, "snapped exactly onto the frame's bottom edge");

        // undo/redo are the skill editor's steps; the drawing follows them
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        assertPoints(new double[][]{{0.4, 0.2}, {0.4, 0.7}}, stored(robot, "midline", LineCrossingNode.LINE));
        robot.clickOn("#draw-redo");
        assertPoints(new double[][]{{0.4, 0.2}, {0.5, 1.0}}, stored(robot, "midline", LineCrossingNode.LINE));

        // the whole line dragged by its middle; then the arrow flipped from the keyboard
        robot.drag(at(robot, view, 0.45, 0.6), MouseButton.PRIMARY).moveTo(at(robot, view, 0.5, 0.55))
                .moveTo(at(robot, view, 0.55, 0.5)).release(MouseButton.PRIMARY);
        assertPoints(new double[][]{{0.5, 0.1}, {0.6, 0.9}}, stored(robot, "midline", LineCrossingNode.LINE));
        Object sideBefore = fx(robot, () -> editor.getSkill().node("midline").orElseThrow().settings()
                .getOrDefault(LineCrossingNode.IN_SIDE, LineCrossingNode.IN_SIDE_LEFT));
        robot.clickOn(at(robot, view, 0.9, 0.05), MouseButton.SECONDARY); // focus the frame without adding
        robot.type(KeyCode.F);
        assertEquals(LineCrossingNode.IN_SIDE_LEFT.equals(sideBefore) ? LineCrossingNode.IN_SIDE_RIGHT
                : LineCrossingNode.IN_SIDE_LEFT, fx(robot, () -> editor.getSkill().node("midline").orElseThrow()
                .settings().get(LineCrossingNode.IN_SIDE)));
        assertTrue(fx(robot, () -> robot.lookup("#draw-semantics").queryLabeled().getText())
                .contains("Counts the centre of each box"), "the demo line counts box centres");

        // the skill runs with the line as drawn: the bouncing ball crosses it, counted live
        robot.clickOn("#draw-pause");
        waitUntil("a crossing of the drawn line counted live", 120, () -> view.liveCounts().keySet().stream()
                .anyMatch(k -> k.startsWith("line-crossing")));
        waitUntil("the count shown", 5, () -> robot.lookup("#draw-counts").queryLabeled().getText()
                .contains("line-crossing "));
        String docs = System.getProperty("sd.docs.screenshots");
        if (docs != null) { // the README's picture, refreshed on request as UserTourTest does
            robot.clickOn("#draw-pause");
            robot.clickOn(at(robot, view, 0.5, 0.1), MouseButton.PRIMARY); // pick corner A to show it selected
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> {
                try {
                    Screenshots.save(view.getScene(), Path.of(docs, "draw-on-frame.png"));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    @Test
    void drawAZoneWithTheMouseAndKeyboardAndCountItsVisitsLive(FxRobot robot) throws Exception {
        FrameDrawingView view = open(robot, "zone1", ZoneNode.POLYGON);
        robot.clickOn("#draw-clear");
        robot.clickOn(at(robot, view, 0.01, 0.01), MouseButton.PRIMARY);
        robot.clickOn(at(robot, view, 0.4, 0.01), MouseButton.PRIMARY);
        assertPoints(new double[][]{{0.25, 0.25}, {0.75, 0.25}, {0.75, 0.75}, {0.25, 0.75}},
                stored(robot, "zone1", ZoneNode.POLYGON)); // not stored before it has 3 corners
        robot.clickOn(at(robot, view, 0.4, 0.99), MouseButton.PRIMARY);
        assertPoints(new double[][]{{0, 0}, {0.4, 0}, {0.4, 1}}, stored(robot, "zone1", ZoneNode.POLYGON));
        robot.clickOn(at(robot, view, 0.01, 0.99), MouseButton.PRIMARY);
        assertPoints(new double[][]{{0, 0}, {0.4, 0}, {0.4, 1}, {0, 1}}, stored(robot, "zone1", ZoneNode.POLYGON));

        // a click near an edge splits it; right-click on that corner removes it again
        robot.clickOn(at(robot, view, 0.42, 0.5), MouseButton.PRIMARY);
        assertPoints(new double[][]{{0, 0}, {0.4, 0}, {0.42, 0.5}, {0.4, 1}, {0, 1}},
                stored(robot, "zone1", ZoneNode.POLYGON));
        robot.clickOn(at(robot, view, 0.42, 0.5), MouseButton.SECONDARY);
        assertPoints(new double[][]{{0, 0}, {0.4, 0}, {0.4, 1}, {0, 1}}, stored(robot, "zone1", ZoneNode.POLYGON));

        // keyboard: Tab picks corner 2, Shift+Right x10 nudges it 0.01, Delete is refused at 3 corners
        robot.clickOn(at(robot, view, 0.8, 0.5), MouseButton.SECONDARY);
        robot.type(KeyCode.TAB, 2);
        robot.type(KeyCode.RIGHT, 2);
        assertPoints(new double[][]{{0, 0}, {0.42, 0}, {0.4, 1}, {0, 1}}, stored(robot, "zone1", ZoneNode.POLYGON));
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        assertPoints(new double[][]{{0, 0}, {0.4, 0}, {0.4, 1}, {0, 1}}, stored(robot, "zone1", ZoneNode.POLYGON));
        robot.type(KeyCode.DELETE);
        assertPoints(new double[][]{{0, 0}, {0.4, 1}, {0, 1}}, stored(robot, "zone1", ZoneNode.POLYGON));
        robot.type(KeyCode.DELETE);
        assertEquals(3, stored(robot, "zone1", ZoneNode.POLYGON).size(), "a zone keeps at least 3 corners");
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        assertPoints(new double[][]{{0, 0}, {0.4, 0}, {0.4, 1}, {0, 1}}, stored(robot, "zone1", ZoneNode.POLYGON));

        // the whole zone dragged from inside: it stops at the frame's left edge, moves right freely
        robot.drag(at(robot, view, 0.2, 0.5), MouseButton.PRIMARY).moveTo(at(robot, view, 0.25, 0.5))
                .moveTo(at(robot, view, 0.3, 0.5)).release(MouseButton.PRIMARY);
        assertPoints(new double[][]{{0.1, 0}, {0.5, 0}, {0.5, 1}, {0.1, 1}}, stored(robot, "zone1", ZoneNode.POLYGON));
        assertTrue(fx(robot, () -> robot.lookup("#draw-semantics").queryLabeled().getText())
                .contains("Counts the bottom centre of each box"), "a new zone counts the bottom centre");

        robot.clickOn("#draw-pause");
        waitUntil("the ball entering the drawn zone, counted live", 120, () -> view.liveCounts()
                .getOrDefault("zone-enter", 0L) > 0);
        Map<String, Long> counts = view.liveCounts();
        assertTrue(counts.keySet().stream().allMatch(k -> k.startsWith("zone-")), "only the zone's own events: "
                + counts);
    }
}
