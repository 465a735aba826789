package io.skilldesigner.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javafx.css.PseudoClass;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;

import io.skilldesigner.core.catalog.nodes.ModelNode;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.validation.SkillValidator;

/** The read-only graph: it shows, pans, zooms and picks, and nothing a user does to it changes the skill. */
@ExtendWith(ApplicationExtension.class)
class SkillGraphViewTest {
    private SkillGraphView view;

    @Start
    void start(Stage stage) {
        view = new SkillGraphView(TestSkills.CATALOG);
        stage.setScene(new Scene(view, 900, 700));
        stage.show();
    }

    private void open(FxRobot robot, Skill skill) {
        robot.interact(() -> {
            view.setSkill(skill);
            view.canvas().viewport().scaleProperty().set(1);
            view.canvas().centreOn("model-1");
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void clicksPickNodesAndNothingEditsTheSkill(FxRobot robot) {
        Skill skill = TestSkills.realistic();
        open(robot, skill);
        robot.clickOn("#node-model-1");
        assertEquals("model-1", view.pickedNodeProperty().get());
        // a drag does not move the node, a drag from a port draws and connects nothing, keys delete nothing
        robot.drag("#node-model-1", MouseButton.PRIMARY).moveBy(120, 80).release(MouseButton.PRIMARY);
        robot.drag("#port-model-1-out-f", MouseButton.PRIMARY).moveTo("#node-model-2").release(MouseButton.PRIMARY);
        robot.type(KeyCode.DELETE).type(KeyCode.BACK_SPACE);
        robot.press(KeyCode.CONTROL).type(KeyCode.D).release(KeyCode.CONTROL);
        robot.doubleClickOn("#node-model-1 .node-name");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#rename-model-1").tryQuery().isEmpty(), "no rename field");
        assertEquals(skill, view.getSkill(), "the skill is unchanged");

        robot.clickOn("#node-model-2");
        assertEquals("model-2", view.pickedNodeProperty().get());
        Point2D empty = robot.point("#node-model-2").atOffset(new Point2D(0, -260)).query();
        robot.clickOn(empty);
        assertNull(view.pickedNodeProperty().get(), "a click on the background un-picks");
        robot.interact(() -> view.pick("camera-1"));
        assertEquals("camera-1", view.pickedNodeProperty().get());
        assertFalse(view.canvas().isEditable());
    }

    @Test
    void pansZoomsAndShowsStatusesAndProblems(FxRobot robot) {
        Skill skill = TestSkills.realistic().updateNode("model-2", n -> n.withSetting(ModelNode.MODEL, null));
        open(robot, skill);
        robot.interact(() -> view.setProblems(new SkillValidator(TestSkills.CATALOG, TestSkills.library())
                .validate(skill)));
        assertEquals(NodeStatus.NOT_CONFIGURED, view.badge("model-2").orElseThrow().status());
        assertEquals(NodeStatus.OK, view.badge("camera-1").orElseThrow().status());
        robot.interact(() -> view.setNodeStatus("model-1", NodeStatus.RUNNING, "p50 3.1 ms, p95 4.0 ms"));
        assertTrue(robot.lookup("#node-model-1").query().getPseudoClassStates()
                .contains(PseudoClass.getPseudoClass("running")));
        assertEquals("p50 3.1 ms, p95 4.0 ms", view.badge("model-1").orElseThrow().message());
        robot.interact(view::clearNodeStatuses);
        assertEquals(NodeStatus.OK, view.badge("model-1").orElseThrow().status());

        double tx = view.canvas().viewport().txProperty().get();
        robot.moveTo("#node-model-1").press(MouseButton.SECONDARY).moveBy(60, 0).moveBy(60, 0)
                .release(MouseButton.SECONDARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(tx + 120, view.canvas().viewport().txProperty().get(), 2, "right drag pans");
        double scale = view.canvas().viewport().scale();
        robot.scroll(3, javafx.geometry.VerticalDirection.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.canvas().viewport().scale() != scale, "the wheel zooms");
        assertFalse(view.canvas().minimap().isVisible(), "no minimap in the small view");
        assertEquals(List.of(), robot.lookup(".editor-toolbar").queryAll().stream().toList(), "no toolbar");
    }
}
