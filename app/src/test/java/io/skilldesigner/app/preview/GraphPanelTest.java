package io.skilldesigner.app.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import io.skilldesigner.app.demo.DemoWorkspace;
import io.skilldesigner.canvas.SkillGraphView;
import io.skilldesigner.canvas.graph.NodeView;
import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.skill.SkillNode;
import io.skilldesigner.core.workspace.Workspace;
import io.skilldesigner.engine.metrics.NodeMetrics;
import io.skilldesigner.engine.runtime.NodeState;
import javafx.css.PseudoClass;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The Live Preview's graph panel on the demo skill: the read-only graph picks the node to watch (and the list with
 * it), shows the engine's states, and cannot change the skill.
 */
@ExtendWith(ApplicationExtension.class)
class GraphPanelTest {
    @TempDir
    static Path dir;
    private final List<String> watched = new ArrayList<>();
    private final StackPane root = new StackPane();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(root, 420, 760));
        stage.show();
    }

    @Test
    void miniGraphPicksTheWatchedNodeAndShowsStates(FxRobot robot) throws Exception {
        NodeCatalog catalog = NodeCatalog.standard();
        Workspace ws = DemoWorkspace.openOrCreate(dir, catalog);
        Skill skill = ws.loadSkill(DemoWorkspace.SKILL_ID);
        String first = skill.nodes().get(0).id();
        GraphPanel[] panel = new GraphPanel[1];
        robot.interact(() -> {
            panel[0] = new GraphPanel(catalog, ws.modelLibrary(), watched::add);
            root.getChildren().setAll(panel[0].view());
            panel[0].show(skill);
        });
        SkillGraphView graph = robot.lookup("#preview-mini-graph .skill-graph-view").query();
        // fitted a moment after it is shown, but never below the zoom at which names are readable
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> graph.canvas().viewport().scale() >= 0.8 - 1e-9);
        Thread.sleep(300); // no later fit undoes it
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(graph.canvas().viewport().scale() >= 0.8 - 1e-9, "still readable: " + graph.canvas().viewport().scale());

        String node = "#preview-mini-graph #node-" + first;
        robot.clickOn(node);
        assertEquals(first, watched.get(watched.size() - 1), "a click on a node in the graph watches it");
        ListView<?> list = robot.lookup("#preview-nodes").queryListView();
        assertEquals(first, ((SkillNode) list.getSelectionModel().getSelectedItem()).id());

        robot.drag(node, MouseButton.PRIMARY).moveBy(80, 60).release(MouseButton.PRIMARY);
        Point2D background = robot.point(node).atOffset(new Point2D(-140, 0)).query();
        robot.clickOn(background);
        assertNull(watched.get(watched.size() - 1), "a click on the background goes back to the skill's output");

        robot.interact(() -> panel[0].update(List.of(
                new NodeMetrics(first, skill.nodes().get(0).typeId(), NodeState.RUNNING, 10, 10, 0, 0, 1.5, 2.5, ""))));
        Node view = robot.lookup(node).query();
        assertTrue(view.getPseudoClassStates().contains(PseudoClass.getPseudoClass("running")));
        assertEquals(skill.nodes().get(0).position(), ((NodeView) view).node().position(),
                "the drag did not move the node");
    }
}
