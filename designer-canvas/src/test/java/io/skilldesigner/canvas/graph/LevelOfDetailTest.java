package io.skilldesigner.canvas.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Supplier;

import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.paint.Color;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import io.skilldesigner.canvas.CanvasStyles;
import io.skilldesigner.canvas.SkillEditor;
import io.skilldesigner.canvas.TestSkills;
import io.skilldesigner.core.skill.Position;
import io.skilldesigner.core.skill.SkillEdge;

/**
 * The canvas's level of detail and its cached pictures: below {@link GraphCanvas#DETAIL_SCALE} nodes are plain blocks
 * (no views, so no text, icons, ports or badges) painted once and only moved while panning; an edit repaints them;
 * above the threshold the full views come back.
 */
@ExtendWith(ApplicationExtension.class)
class LevelOfDetailTest {
    private SkillEditor editor;

    @Start
    void start(Stage stage) {
        editor = new SkillEditor(TestSkills.CATALOG, TestSkills.library());
        stage.setScene(new Scene(editor, 1400, 900));
        stage.show();
    }

    private <T> T fx(Supplier<T> s, FxRobot robot) {
        Object[] out = new Object[1];
        robot.interact(() -> out[0] = s.get());
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        T t = (T) out[0];
        return t;
    }

    private void run(Runnable r, FxRobot robot) {
        robot.interact(r);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The realistic skill at 30 % zoom, centred. */
    private void openInOverview(FxRobot robot) {
        run(() -> editor.setSkill(TestSkills.realistic()), robot);
        run(() -> {
            canvas().viewport().scaleProperty().set(0.3);
            canvas().viewport().centre(400, 300, canvas().getWidth() / 2, canvas().getHeight() / 2);
        }, robot);
    }

    private GraphCanvas canvas() {
        return editor.canvas();
    }

    /** Colour of the canvas at the centre of a node, from a snapshot of the graph. */
    private Color colourAtNode(FxRobot robot, Position p) {
        return fx(() -> {
            WritableImage shot = canvas().pictureOfGraph();
            Point2D s = canvas().viewport().toScreen(p.x() + NodeGeometry.WIDTH / 2, p.y() + NodeGeometry.HEIGHT / 2);
            return shot.getPixelReader().getColor((int) s.getX(), (int) s.getY());
        }, robot);
    }

    private Color blockColour(FxRobot robot, String nodeId) {
        return fx(() -> canvas().categoryColour(canvas().catalogType(canvas().nodes().get(nodeId))), robot);
    }

    private static boolean near(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) < 0.03 && Math.abs(a.getGreen() - b.getGreen()) < 0.03
                && Math.abs(a.getBlue() - b.getBlue()) < 0.03;
    }

    /** Visible name labels of node views, i.e. the text of the full level of detail. */
    private long visibleNodeNames(FxRobot robot) {
        return fx(() -> robot.lookup("." + CanvasStyles.NODE_NAME).queryAll().stream()
                .filter(LevelOfDetailTest::treeVisible).count(), robot);
    }

    private static boolean treeVisible(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void nodesAreTextlessBlocksBelowTheThresholdAndFullViewsAboveIt(FxRobot robot) {
        run(() -> editor.setSkill(TestSkills.realistic()), robot);
        run(() -> editor.fitToView(), robot);
        assertFalse(canvas().isOverview());
        assertEquals(6, visibleNodeNames(robot), "every node shows its name when the skill fits the view");
        Label name = fx(() -> (Label) canvas().nodeView("model-1").orElseThrow().lookup("." + CanvasStyles.NODE_NAME),
                robot);
        assertEquals("Vehicle detector", name.getText());

        run(() -> canvas().viewport().scaleProperty().set(GraphCanvas.DETAIL_SCALE - 0.1), robot);
        assertTrue(canvas().isOverview());
        assertEquals(0, canvas().shownNodeViews());
        assertTrue(canvas().nodeView("model-1").isEmpty(), "no view, so no text, icon, ports or badge");
        assertEquals(0, visibleNodeNames(robot));
        Position p = editor.getSkill().node("model-1").orElseThrow().position();
        assertTrue(near(blockColour(robot, "model-1"), colourAtNode(robot, p)),
                "a plain block in the category colour: " + colourAtNode(robot, p));

        run(() -> canvas().viewport().scaleProperty().set(GraphCanvas.DETAIL_SCALE), robot);
        assertFalse(canvas().isOverview());
        assertEquals(6, visibleNodeNames(robot), "the full views are back at the threshold");
        assertTrue(canvas().nodeView("model-1").isPresent());
        assertFalse(near(blockColour(robot, "model-1"), colourAtNode(robot, p)),
                "the node card, not the block, is painted at its centre");
    }

    @Test
    void overviewPictureIsMovedWhilePanningAndRepaintedOnEdit(FxRobot robot) {
        openInOverview(robot);
        int paints = canvas().overviewPaints();
        Position p = editor.getSkill().node("model-1").orElseThrow().position();
        Color block = blockColour(robot, "model-1");

        for (int i = 0; i < 5; i++) {
            run(() -> canvas().viewport().panBy(7, 3), robot);
        }
        assertEquals(paints, canvas().overviewPaints(), "panning moves the painted picture");
        assertTrue(near(block, colourAtNode(robot, p)), "the block moved with the view");

        Position moved = new Position(p.x() + 600, p.y());
        run(() -> editor.moveNode("model-1", moved), robot);
        assertTrue(canvas().overviewPaints() > paints, "an edit repaints the picture");
        assertTrue(near(block, colourAtNode(robot, moved)), "the block is drawn where the node now is");
        assertFalse(near(block, colourAtNode(robot, p)), "and no longer where it was");

        run(() -> editor.undo(), robot);
        assertTrue(near(block, colourAtNode(robot, p)), "undo shows up too");
        assertFalse(near(block, colourAtNode(robot, moved)));
    }

    @Test
    void blocksAreDraggedInTheOverviewWithoutRepaintingThePictureEveryFrame(FxRobot robot) {
        openInOverview(robot);
        Position p = editor.getSkill().node("model-1").orElseThrow().position();
        Point2D at = fx(() -> {
            Point2D local = canvas().viewport().toScreen(p.x() + NodeGeometry.WIDTH / 2, p.y() + NodeGeometry.HEIGHT / 2);
            return canvas().localToScreen(local);
        }, robot);
        int paints = canvas().overviewPaints();
        robot.moveTo(at).press(MouseButton.PRIMARY);
        for (int i = 0; i < 6; i++) {
            robot.moveBy(10, 0);
        }
        robot.release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        Position now = editor.getSkill().node("model-1").orElseThrow().position();
        assertEquals(p.x() + 60 / 0.3, now.x(), NodeGeometry.GRID, "dragged by its block: " + now);
        assertEquals(p.y(), now.y(), NodeGeometry.GRID);
        assertEquals(java.util.Set.of("model-1"), editor.selectedNodes());
        assertTrue(canvas().overviewPaints() - paints <= 3,
                "the picture is painted when the drag starts and after the drop, not on every move: "
                        + (canvas().overviewPaints() - paints));
        Color selection = fx(() -> canvas().colours().get(CanvasColours.SELECTION), robot);
        assertTrue(near(selection, colourAtNode(robot, now)), "drawn, selected, where it was dropped");
        run(() -> editor.undo(), robot);
        assertEquals(p, editor.getSkill().node("model-1").orElseThrow().position(), "one undoable move");
    }

    @Test
    void edgeLayerShowsEditsAtDetailZoom(FxRobot robot) {
        run(() -> editor.setSkill(TestSkills.realistic()), robot);
        run(() -> canvas().viewport().scaleProperty().set(1), robot);
        SkillEdge edge = SkillEdge.of("model-1", "f", "model-2", "f");
        assertTrue(canvas().edgeView(edge).isPresent());
        run(() -> {
            editor.selectEdges(List.of(edge));
            editor.deleteSelection();
        }, robot);
        assertTrue(canvas().edgeView(edge).isEmpty(), "the deleted edge is gone from the cached layer");
        run(() -> editor.undo(), robot);
        assertTrue(canvas().edgeView(edge).isPresent(), "and back after undo");
    }

    @Test
    void panningThatStartsOnAPortMovesTheView(FxRobot robot) {
        run(() -> editor.setSkill(TestSkills.realistic()), robot);
        run(() -> {
            canvas().viewport().scaleProperty().set(1);
            editor.centreOn("model-1");
        }, robot);
        double tx = canvas().viewport().txProperty().get();
        robot.moveTo("#port-model-1-in-f").press(MouseButton.SECONDARY).moveBy(60, 0).moveBy(60, 0)
                .release(MouseButton.SECONDARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(tx + 120, canvas().viewport().txProperty().get(), 2);
        // the graph takes the mouse again after the pan: a click selects a node
        robot.clickOn("#node-model-2");
        assertEquals(java.util.Set.of("model-2"), editor.selectedNodes());
    }

    @Test
    void viewportKeepsWholePixelsAndZoomStepsOfFivePercent() {
        Viewport v = new Viewport();
        v.centre(123.4, 56.7, 700.5, 450.5);
        assertEquals(Math.rint(v.txProperty().get()), v.txProperty().get());
        assertEquals(Math.rint(v.tyProperty().get()), v.tyProperty().get());
        double last = v.scale();
        while (v.scale() > Viewport.SNAP_FROM) {
            v.zoomAt(1 / 1.15, 333.3, 222.2);
            assertTrue(v.scale() < last, "zooming out always zooms out: " + v.scale());
            last = v.scale();
            assertEquals(Math.rint(v.txProperty().get()), v.txProperty().get());
            if (v.scale() >= Viewport.SNAP_FROM) {
                double steps = v.scale() / Viewport.SCALE_STEP;
                assertEquals(Math.rint(steps), steps, 1e-9, "on a 5 % step: " + v.scale());
            }
        }
        while (v.scale() < Viewport.MAX_SCALE) {
            v.zoomAt(1.15, 10, 10);
            assertTrue(v.scale() > last, "zooming in always zooms in: " + v.scale());
            last = v.scale();
        }
        assertEquals(Viewport.MAX_SCALE, last, 1e-9);
    }
}
