package io.skilldesigner.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;

import io.skilldesigner.canvas.graph.NodeGeometry;
import io.skilldesigner.core.catalog.nodes.CameraInputNode;
import io.skilldesigner.core.catalog.nodes.ModelNode;
import io.skilldesigner.core.io.SkillJson;
import io.skilldesigner.core.skill.PortRef;
import io.skilldesigner.core.skill.Position;
import io.skilldesigner.core.catalog.nodes.GrpcCustomNode;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.skill.SkillNode;
import io.skilldesigner.core.skill.SkillEdge;

/** The editor driven through its UI with TestFX (headless Monocle in the build). */
@ExtendWith(ApplicationExtension.class)
class SkillEditorUiTest {
    private SkillEditor editor;

    @Start
    void start(Stage stage) {
        editor = new SkillEditor(TestSkills.CATALOG, TestSkills.library());
        editor.setLabelsOfModel(TestSkills::labelsOf);
        stage.setScene(new Scene(editor, 1400, 900));
        stage.show();
    }

    private <T> T fx(Supplier<T> s, FxRobot robot) {
        Object[] out = new Object[1];
        robot.interact(() -> out[0] = s.get());
        @SuppressWarnings("unchecked")
        T t = (T) out[0];
        return t;
    }

    private void open(FxRobot robot, Skill skill) {
        robot.interact(() -> editor.setSkill(skill));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Point2D centreOf(FxRobot robot, String query) {
        Node n = robot.lookup(query).query();
        Bounds b = fx(() -> n.localToScreen(n.getBoundsInLocal()), robot);
        return new Point2D(b.getCenterX(), b.getCenterY());
    }

    private static boolean has(Node n, String pseudo) {
        return n.getPseudoClassStates().contains(PseudoClass.getPseudoClass(pseudo));
    }

    @Test
    void dragFromPaletteAddsNodeWhereDropped(FxRobot robot) {
        Point2D target = centreOf(robot, ".graph-canvas");
        robot.drag("#palette-" + CameraInputNode.ID, MouseButton.PRIMARY).moveTo(target).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        Skill s = editor.getSkill();
        assertEquals(1, s.nodes().size());
        assertEquals(CameraInputNode.ID, s.nodes().get(0).typeId());
        Point2D world = fx(() -> editor.canvas().viewport().toWorld(editor.canvas().getWidth() / 2,
                editor.canvas().getHeight() / 2), robot);
        Position p = s.nodes().get(0).position();
        assertEquals(world.getX(), p.x() + NodeGeometry.WIDTH / 2, NodeGeometry.GRID + 2);
        assertEquals(world.getY(), p.y() + NodeGeometry.HEIGHT / 2, NodeGeometry.GRID + 2);
        assertTrue(editor.isDirty());
        // double-click adds at the view centre too
        robot.doubleClickOn("#palette-" + ModelNode.ID);
        assertEquals(2, editor.getSkill().nodes().size());
        robot.interact(editor::undo);
        robot.interact(editor::undo);
        assertEquals(0, editor.getSkill().nodes().size());
        assertFalse(editor.isDirty());
    }

    @Test
    void paletteSearchFilters(FxRobot robot) {
        robot.clickOn("#palette-search").write("mqtt");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("mqtt-export"), editor.palette().shownTypes().stream().map(t -> t.id()).toList()
                .stream().filter(id -> id.contains("mqtt")).toList());
        assertEquals(1, editor.palette().shownTypes().size());
    }

    @Test
    void connectByDraggingFromOutputToInput(FxRobot robot) {
        Skill s = TestSkills.realistic().withEdges(List.of());
        open(robot, s);
        robot.drag("#port-camera-1-out-f", MouseButton.PRIMARY);
        robot.moveTo("#port-model-1-in-f");
        Node in = robot.lookup("#port-model-1-in-f").query();
        Node camOnly = robot.lookup("#port-camera-1-out-f").query();
        assertTrue(has(in, "compatible"), "a compatible input lights up while dragging");
        robot.release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(SkillEdge.of("camera-1", "f", "model-1", "f")), editor.getSkill().edges());
        assertFalse(has(in, "compatible"));
        assertFalse(has(camOnly, "refused"));
        assertTrue(robot.lookup("#edge-camera-1-model-1").tryQuery().isPresent(), "the edge is drawn");
        robot.interact(editor::undo);
        assertTrue(editor.getSkill().edges().isEmpty());
        robot.interact(editor::redo);
        assertEquals(1, editor.getSkill().edges().size());
    }

    @Test
    void refusesSecondEdgeIntoSingleInputAndIncompatibleTargets(FxRobot robot) {
        Skill s = TestSkills.realistic()
                .withNode(TestSkills.node("camera-2", CameraInputNode.ID, "Second camera", 40, 0, Map.of()));
        open(robot, s);
        List<SkillEdge> before = editor.getSkill().edges();
        // second edge into model-1's single input
        robot.drag("#port-camera-2-out-f", MouseButton.PRIMARY).moveTo("#port-model-1-in-f");
        assertTrue(has(robot.lookup("#port-model-1-in-f").query(), "refused"));
        robot.release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, editor.getSkill().edges());
        assertTrue(editor.messageProperty().get().contains("accepts only one"), editor.messageProperty().get());
        Label msg = robot.lookup("#canvas-message").query();
        assertTrue(msg.isVisible() && msg.getText().contains("accepts only one"));
        // a camera has no inputs: dropping a connection on it is refused
        robot.drag("#port-filter-1-out-f", MouseButton.PRIMARY).moveTo("#node-camera-2").release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, editor.getSkill().edges());
        assertTrue(editor.messageProperty().get().contains("has no inputs"), editor.messageProperty().get());
        // via the API the same rule applies
        assertTrue(fx(() -> editor.connect(new PortRef("camera-2", "f"), new PortRef("model-2", "f")), robot)
                .orElseThrow().contains("accepts only one"));
    }

    @Test
    void editingASettingShowsValidationInlineAndUndoes(FxRobot robot) {
        open(robot, TestSkills.realistic());
        robot.clickOn("#node-model-1");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("model-1", editor.properties().shownNode().orElseThrow());
        robot.clickOn("#setting-confidence").press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL)
                .write("abc");
        WaitForAsyncUtils.waitForFxEvents();
        Label error = robot.lookup("#error-confidence").query();
        assertTrue(error.isVisible(), "a parse error is shown inline");
        assertTrue(error.getText().contains("expected a number"), error.getText());
        assertEquals(0.6, editor.getSkill().node("model-1").orElseThrow().setting(ModelNode.CONFIDENCE));
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).write("1.5");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1.5, editor.getSkill().node("model-1").orElseThrow().setting(ModelNode.CONFIDENCE));
        assertTrue(error.isVisible());
        assertFalse(error.getText().contains("expected a number"));
        assertTrue(editor.problems().stream().anyMatch(p -> p.nodeId().equals("model-1")
                && p.setting().equals(ModelNode.CONFIDENCE)), "the validator reports the range");
        assertEquals(NodeStatus.INVALID, editor.badge("model-1").orElseThrow().status());
        // the keystrokes are one undo step
        robot.interact(editor::undo);
        assertEquals(0.6, editor.getSkill().node("model-1").orElseThrow().setting(ModelNode.CONFIDENCE));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(error.isVisible());
        assertEquals(NodeStatus.OK, editor.badge("model-1").orElseThrow().status());
    }

    @Test
    void enabledWhenHidesSettingsAndLabelsComeFromUpstreamModels(FxRobot robot) {
        open(robot, TestSkills.realistic());
        robot.interact(() -> editor.select(List.of("model-1")));
        WaitForAsyncUtils.waitForFxEvents();
        Node topK = robot.lookup("#setting-topK").query();
        assertFalse(row(topK).isVisible(), "classification settings are hidden for a detector");
        robot.interact(() -> editor.setSetting("model-1", ModelNode.TASK, ModelNode.CLASSIFICATION));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(row(topK).isVisible(), "and shown for a classifier");
        robot.interact(() -> editor.select(List.of("filter-1")));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.ComboBox<?> entry = robot.lookup(".combo-box").match(n -> isInsideProps(n)).query();
        robot.interact(entry::show);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(entry.getItems().containsAll(List.of("car", "truck", "blue", "white")), entry.getItems().toString());
        assertFalse(entry.getItems().contains("red"), "labels already listed are not offered again");
        robot.interact(entry::hide);
        // type-ahead: typing narrows the offered labels
        robot.clickOn(((javafx.scene.control.ComboBox<?>) entry).getEditor()).write("tr");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("truck"), List.copyOf(entry.getItems()));
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
    }

    private static Node row(Node n) {
        Node p = n;
        while (!p.getStyleClass().contains("setting-row")) {
            p = p.getParent();
        }
        return p;
    }

    private boolean isInsideProps(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p == editor.properties()) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aTickedTextFieldIsMaskedAndStillShowsItsError(FxRobot robot) {
        Skill skill = Skill.empty("s", "S").withNodes(List.of(TestSkills.CATALOG
                .get(io.skilldesigner.core.catalog.nodes.HttpExportNode.ID).newNode("hook")));
        open(robot, skill);
        robot.interact(() -> editor.select(List.of("hook")));
        javafx.scene.control.CheckBox tick = robot.lookup("#secret-url").queryAs(javafx.scene.control.CheckBox.class);
        javafx.scene.control.TextField plain = robot.from(tick.getParent()).lookup(".text-field")
                .match(n -> !(n instanceof javafx.scene.control.PasswordField))
                .queryAs(javafx.scene.control.TextField.class);
        javafx.scene.control.PasswordField masked = robot.from(tick.getParent()).lookup(".password-field")
                .queryAs(javafx.scene.control.PasswordField.class);
        robot.clickOn(plain).write("not a url");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(plain.isVisible() && plain.getStyleClass().contains("error"), "not a URL: "
                + plain.getStyleClass());
        robot.clickOn(tick);
        assertTrue(masked.isVisible() && !plain.isVisible(), "ticked, the field is masked");
        assertEquals(java.util.Optional.of(true), editor.getSkill().node("hook").orElseThrow().secretMark("url"));
        assertTrue(masked.getStyleClass().contains("error"), "the masked field shows the error too: "
                + masked.getStyleClass());
        robot.clickOn(masked).press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL)
                .write("https://hooks.example.com/T0K3N");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(masked.getStyleClass().contains("error") || plain.getStyleClass().contains("error"),
                "valid now: " + masked.getStyleClass());
        assertEquals("https://hooks.example.com/T0K3N", editor.getSkill().node("hook").orElseThrow().setting("url"));
    }

    @Test
    void envEntriesOfTheCreateOptionsHaveTicks(FxRobot robot) {
        String options = "{\"Env\":[\"LOG_LEVEL=debug\",\"LICENCE_CODE=LIC-1\",\"DB_PASSWORD=pw\"]}";
        Skill skill = Skill.empty("s", "S").withNodes(List.of(TestSkills.CATALOG.get(GrpcCustomNode.ID)
                .newNode("custom").withSetting(GrpcCustomNode.MODE, GrpcCustomNode.CONTAINER)
                .withSetting(GrpcCustomNode.CREATE_OPTIONS, options)));
        open(robot, skill);
        robot.interact(() -> editor.select(List.of("custom")));
        Supplier<javafx.scene.control.CheckBox> licence = () -> robot.lookup("#secret-createOptions-LICENCE_CODE")
                .queryAs(javafx.scene.control.CheckBox.class);
        Supplier<javafx.scene.control.CheckBox> password = () -> robot.lookup("#secret-createOptions-DB_PASSWORD")
                .queryAs(javafx.scene.control.CheckBox.class);
        assertFalse(robot.lookup("#secret-createOptions-LOG_LEVEL").queryAs(javafx.scene.control.CheckBox.class)
                .isSelected());
        assertFalse(licence.get().isSelected(), "nothing flags LICENCE_CODE");
        assertFalse(licence.get().isMnemonicParsing(), "the name's underscore is shown, not taken as a shortcut");
        assertTrue(password.get().isSelected(), "DB_PASSWORD is pre-ticked");
        robot.interact(() -> licence.get().fire());
        robot.interact(() -> password.get().fire());
        SkillNode n = editor.getSkill().node("custom").orElseThrow();
        assertEquals(java.util.Optional.of(true), n.secretMark("createOptions/LICENCE_CODE"));
        assertEquals(java.util.Optional.of(false), n.secretMark("createOptions/DB_PASSWORD"));
        assertTrue(licence.get().isSelected() && !password.get().isSelected(), "the ticks show the marks");
        robot.interact(editor::undo);
        assertEquals(java.util.Optional.empty(), editor.getSkill().node("custom").orElseThrow()
                .secretMark("createOptions/DB_PASSWORD"), "a tick is one undo step");
    }

    @Test
    void jsonSettingShowsParseErrorPosition(FxRobot robot) {
        Skill s = Skill.empty("g", "g").withNode(TestSkills.node("grpc-1", "grpc-custom", "Custom", 0, 0, Map.of()));
        open(robot, s);
        robot.interact(() -> editor.select(List.of("grpc-1")));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> ((javafx.scene.control.TextArea) robot.lookup("#setting-createOptions").query())
                .setText("{\n  \"HostConfig\": {,}\n}"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(editor.properties().messageFor("createOptions").orElseThrow().contains("line 2"),
                editor.properties().messageFor("createOptions").orElse(""));
    }

    @Test
    void keyboardCopyPasteDuplicateAndDelete(FxRobot robot) {
        open(robot, TestSkills.realistic());
        robot.clickOn("#node-model-1");
        robot.press(KeyCode.SHIFT).clickOn("#node-model-2").release(KeyCode.SHIFT);
        assertEquals(Set.of("model-1", "model-2"), editor.selectedNodes());
        robot.press(KeyCode.CONTROL).type(KeyCode.C).type(KeyCode.V).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        Skill s = editor.getSkill();
        assertEquals(8, s.nodes().size());
        assertEquals(6, s.edges().size(), "the edge between the copied nodes is pasted too");
        assertEquals(2, editor.selectedNodes().size());
        assertTrue(editor.selectedNodes().stream().noneMatch(id -> id.equals("model-1") || id.equals("model-2")));
        robot.press(KeyCode.CONTROL).type(KeyCode.D).release(KeyCode.CONTROL);
        assertEquals(10, editor.getSkill().nodes().size());
        robot.type(KeyCode.DELETE);
        assertEquals(8, editor.getSkill().nodes().size());
        // delete a node with its edges
        robot.clickOn("#node-filter-1");
        robot.type(KeyCode.DELETE);
        Skill after = editor.getSkill();
        assertTrue(after.node("filter-1").isEmpty());
        assertTrue(after.edges().stream().noneMatch(e -> e.touches("filter-1")));
        // click an edge (half way between the two ports) and delete it
        Point2D a = centreOf(robot, "#port-camera-1-out-f");
        Point2D b = centreOf(robot, "#port-model-1-in-f");
        robot.clickOn(a.midpoint(b));
        assertEquals(Set.of(SkillEdge.of("camera-1", "f", "model-1", "f")), editor.selectedEdges());
        assertTrue(editor.selectedNodes().isEmpty());
        robot.type(KeyCode.DELETE);
        assertFalse(editor.getSkill().edges().contains(SkillEdge.of("camera-1", "f", "model-1", "f")));
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).type(KeyCode.Z).release(KeyCode.CONTROL);
        assertTrue(editor.getSkill().node("filter-1").isPresent());
        assertTrue(editor.getSkill().edges().contains(SkillEdge.of("camera-1", "f", "model-1", "f")));
    }

    @Test
    void moveSnapsToGridAndRubberBandSelects(FxRobot robot) {
        open(robot, TestSkills.realistic());
        robot.interact(() -> editor.canvas().viewport().scaleProperty().set(1));
        robot.interact(() -> editor.centreOn("model-1"));
        WaitForAsyncUtils.waitForFxEvents();
        Position before = editor.getSkill().node("model-1").orElseThrow().position();
        robot.drag("#node-model-1", MouseButton.PRIMARY).moveBy(53, 27).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        Position after = editor.getSkill().node("model-1").orElseThrow().position();
        assertNotEquals(before, after);
        assertEquals(0, after.x() % NodeGeometry.GRID, 1e-9);
        assertEquals(0, after.y() % NodeGeometry.GRID, 1e-9);
        robot.interact(editor::undo);
        assertEquals(before, editor.getSkill().node("model-1").orElseThrow().position());
        // rubber band from an empty corner over the whole view selects what it covers
        robot.interact(editor::fitToView);
        WaitForAsyncUtils.waitForFxEvents();
        Bounds cb = fx(() -> editor.canvas().localToScreen(editor.canvas().getBoundsInLocal()), robot);
        robot.drag(new Point2D(cb.getMinX() + 5, cb.getMinY() + 5), MouseButton.PRIMARY)
                .moveTo(new Point2D(cb.getMaxX() - 5, cb.getMaxY() - 5)).release(MouseButton.PRIMARY);
        assertEquals(6, editor.selectedNodes().size());
        robot.clickOn(new Point2D(cb.getMinX() + 5, cb.getMinY() + 5));
        assertTrue(editor.selectedNodes().isEmpty());
    }

    @Test
    void undoRedoEveryActionType(FxRobot robot) {
        open(robot, TestSkills.realistic());
        List<Map.Entry<String, Runnable>> actions = List.of(
                Map.entry("add", () -> editor.addNode("tracker", new Position(900, 100))),
                Map.entry("move", () -> editor.moveNode("camera-1", new Position(20, 40))),
                Map.entry("rename", () -> editor.renameNode("model-1", "Cars")),
                Map.entry("setting", () -> editor.setSetting("model-1", ModelNode.CONFIDENCE, 0.7)),
                Map.entry("connect", () -> editor.connect(new PortRef("model-2", "f"), new PortRef("tracker-1", "f"))),
                Map.entry("delete", () -> {
                    editor.select(List.of("mqtt-1"));
                    editor.deleteSelection();
                }),
                Map.entry("copy-paste", () -> {
                    editor.select(List.of("filter-1"));
                    editor.copy();
                    editor.paste();
                }),
                Map.entry("duplicate", () -> {
                    editor.select(List.of("camera-1"));
                    editor.duplicate();
                }),
                Map.entry("cut", () -> {
                    editor.select(List.of("iothub-1"));
                    editor.cut();
                }),
                Map.entry("layout", editor::autoLayout));
        for (Map.Entry<String, Runnable> a : actions) {
            Skill before = editor.getSkill();
            robot.interact(a.getValue());
            Skill after = editor.getSkill();
            assertNotEquals(before, after, a.getKey() + " changed nothing");
            robot.interact(editor::undo);
            assertEquals(before, editor.getSkill(), "undo " + a.getKey());
            robot.interact(editor::redo);
            assertEquals(after, editor.getSkill(), "redo " + a.getKey());
        }
    }

    @Test
    void autoLayoutOrdersTopToBottom(FxRobot robot) {
        Skill s = TestSkills.realistic();
        s = s.withNodes(s.nodes().stream().map(n -> n.withPosition(new Position(
                (n.id().hashCode() & 0xff) * 3, 700 - (n.id().length() * 37) % 500))).toList());
        open(robot, s);
        Skill scattered = editor.getSkill();
        robot.clickOn("#layout-button");
        WaitForAsyncUtils.waitForFxEvents();
        assertNotEquals(scattered, editor.getSkill(), "the layout button moved the nodes");
        Skill laid = editor.getSkill();
        for (SkillEdge e : laid.edges()) {
            assertTrue(laid.node(e.from().node()).orElseThrow().position().y()
                    < laid.node(e.to().node()).orElseThrow().position().y(), e.toString());
        }
        assertEquals(laid.node("iothub-1").orElseThrow().position().y(),
                laid.node("mqtt-1").orElseThrow().position().y());
    }

    @Test
    void saveAndReopenGivesTheSameSkill(FxRobot robot) throws Exception {
        open(robot, TestSkills.realistic());
        robot.interact(() -> {
            editor.moveNode("filter-1", new Position(520, 500));
            editor.renameNode("mqtt-1", "Broker");
        });
        Skill edited = editor.getSkill();
        SkillJson json = new SkillJson(TestSkills.CATALOG);
        String text = json.write(edited);
        Skill read = json.read(text, "memory");
        robot.interact(() -> editor.setSkill(read));
        assertFalse(editor.isDirty());
        assertEquals(edited, editor.getSkill());
        assertEquals(new Position(520, 500), editor.getSkill().node("filter-1").orElseThrow().position());
        robot.interact(() -> editor.renameNode("mqtt-1", "Other"));
        assertTrue(editor.isDirty());
        robot.interact(editor::markSaved);
        assertFalse(editor.isDirty());
    }

    @Test
    void badgesProblemsViewAndHelp(FxRobot robot) {
        Skill s = TestSkills.realistic().updateNode("model-2", n -> n.withSetting(ModelNode.MODEL, null));
        open(robot, s);
        assertEquals(NodeStatus.NOT_CONFIGURED, editor.badge("model-2").orElseThrow().status());
        assertEquals(NodeStatus.OK, editor.badge("camera-1").orElseThrow().status());
        robot.interact(() -> editor.setNodeStatus("camera-1", NodeStatus.RUNNING, "12 fps"));
        assertTrue(has(robot.lookup("#node-camera-1").query(), "running"));
        robot.interact(editor::clearNodeStatuses);
        assertFalse(has(robot.lookup("#node-camera-1").query(), "running"));
        // clicking a problem selects and centres its node
        robot.interact(() -> editor.canvas().viewport().centre(5000, 5000, 0, 0));
        int row = fx(() -> editor.problems().stream().map(p -> p.nodeId()).toList().indexOf("model-2"), robot);
        assertTrue(row >= 0);
        robot.interact(() -> editor.problemsView().list().scrollTo(row));
        WaitForAsyncUtils.waitForFxEvents();
        Node cell = robot.lookup(".problems-view .list-cell").match(n -> ((javafx.scene.control.ListCell<?>) n)
                .getIndex() == row).query();
        robot.clickOn(cell);
        assertEquals(Set.of("model-2"), editor.selectedNodes());
        assertTrue(robot.lookup("#node-model-2").tryQuery().map(Node::isVisible).orElse(false));
        Point2D c = fx(() -> editor.canvas().visibleCentreWorld(), robot);
        Position p = editor.getSkill().node("model-2").orElseThrow().position();
        assertEquals(p.x() + NodeGeometry.WIDTH / 2, c.getX(), 1);
        robot.clickOn(".graph-canvas");
        robot.type(KeyCode.F1);
        assertTrue(editor.isHelpShown());
        robot.type(KeyCode.ESCAPE);
        assertFalse(editor.isHelpShown());
    }

    @Test
    void largeSkillCreatesViewsOnlyForWhatIsVisible(FxRobot robot) {
        Skill big = TestSkills.large(1000);
        long t0 = System.nanoTime();
        open(robot, big);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(editor.canvas().isOverview(), "fitting 1000 nodes zooms out to the overview");
        assertEquals(0, editor.canvas().shownNodeViews());
        robot.interact(() -> {
            editor.canvas().viewport().scaleProperty().set(1);
            editor.centreOn("n500");
        });
        WaitForAsyncUtils.waitForFxEvents();
        int shown = editor.canvas().shownNodeViews();
        assertTrue(shown > 10 && shown < 150, "views for the visible part only: " + shown);
        assertTrue(ms < 10_000, "opened in " + ms + " ms");
    }

    @Test
    void editorsMatchSettingTypes(FxRobot robot) {
        Skill s = Skill.empty("t", "t")
                .withNode(TestSkills.node("mqtt-1", "mqtt-export", "MQTT", 0, 0, Map.of()))
                .withNode(TestSkills.node("grpc-1", "grpc-custom", "Custom", 300, 0, Map.of()))
                .withNode(TestSkills.node("model-1", ModelNode.ID, "Model", 600, 0, Map.of()))
                .withNode(TestSkills.node("zone-1", "zone", "Zone", 900, 0, Map.of()));
        open(robot, s);
        robot.interact(() -> editor.select(List.of("mqtt-1")));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#setting-password").query() instanceof javafx.scene.control.PasswordField);
        assertTrue(robot.lookup("#setting-tls").query() instanceof javafx.scene.control.CheckBox);
        assertTrue(robot.lookup("#setting-qos").query() instanceof javafx.scene.control.TextField);
        Node ca = robot.lookup("#setting-caFile").query();
        assertFalse(row(ca).isVisible(), "CA file only with TLS");
        robot.clickOn("#setting-tls");
        assertTrue(row(ca).isVisible());
        assertTrue(robot.from(row(ca)).lookup(".button").queryButton().getText().startsWith("Browse"));
        assertEquals(Boolean.TRUE, editor.getSkill().node("mqtt-1").orElseThrow().setting("tls"));
        robot.interact(() -> editor.select(List.of("grpc-1")));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#setting-env").query() instanceof javafx.scene.control.TableView);
        robot.interact(() -> editor.select(List.of("model-1")));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.ComboBox<?> models = robot.lookup("#setting-modelId").queryComboBox();
        assertEquals(List.of("vehicle-detector", "colour-classifier"), List.copyOf(models.getItems()));
        assertEquals(NodeStatus.NOT_CONFIGURED, editor.badge("model-1").orElseThrow().status());
        robot.interact(() -> ((javafx.scene.control.ComboBox<String>) (javafx.scene.control.ComboBox) models)
                .setValue("vehicle-detector"));
        assertEquals("vehicle-detector", editor.getSkill().node("model-1").orElseThrow().setting(ModelNode.MODEL));
        assertEquals(NodeStatus.OK, editor.badge("model-1").orElseThrow().status());
        robot.interact(() -> editor.select(List.of("zone-1")));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.TextArea polygon = robot.lookup("#setting-polygon").query();
        robot.interact(() -> polygon.setText("0.1, 0.1\n0.9, 0.1\n0.5, 1.7"));
        assertTrue(editor.properties().messageFor("polygon").orElseThrow().contains("line 3"));
        robot.interact(() -> polygon.setText("0.1, 0.1\n0.9, 0.1\n0.5, 0.7"));
        assertEquals(List.of(List.of(0.1, 0.1), List.of(0.9, 0.1), List.of(0.5, 0.7)),
                editor.getSkill().node("zone-1").orElseThrow().setting("polygon"));
    }

    @Test
    void lineCrossingFormShowsItsInSideAndAntiJitterSettings(FxRobot robot) {
        open(robot, Skill.empty("t", "t").withNode(TestSkills.node("line-1", "line-crossing", "Door", 0, 0,
                new java.util.HashMap<>(TestSkills.CATALOG.get("line-crossing").defaultSettings()))));
        robot.interact(() -> editor.select(List.of("line-1")));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.ComboBox<?> inSide = robot.lookup("#setting-inSide").queryComboBox();
        assertEquals(List.of("left", "right"), List.copyOf(inSide.getItems()));
        assertEquals("left", inSide.getValue());
        robot.interact(() -> ((javafx.scene.control.ComboBox<String>) (javafx.scene.control.ComboBox) inSide)
                .setValue("right"));
        assertEquals("right", editor.getSkill().node("line-1").orElseThrow().setting("inSide"));
        javafx.scene.control.TextField frames = robot.lookup("#setting-minFramesOnNewSide").query();
        assertEquals("2", frames.getText());
        robot.interact(() -> frames.setText("0"));
        assertTrue(editor.properties().messageFor("minFramesOnNewSide").isPresent(), "below the range of 1..");
        robot.interact(() -> frames.setText("3"));
        assertEquals(3L, editor.getSkill().node("line-1").orElseThrow().setting("minFramesOnNewSide"));
        assertTrue(robot.lookup("#setting-deadBand").query() instanceof javafx.scene.control.TextField);
    }

    @Test
    void renameByDoubleClickAndZoomAndMinimap(FxRobot robot) {
        open(robot, TestSkills.realistic());
        robot.interact(() -> {
            editor.canvas().viewport().scaleProperty().set(1);
            editor.centreOn("model-1");
            // selected beforehand so the first click does not rebuild the properties panel between the two clicks
            editor.select(List.of("model-1"));
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.doubleClickOn("#node-model-1 .node-name");
        robot.lookup("#rename-model-1").query();
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).write("Cars").type(KeyCode.ENTER);
        assertEquals("Cars", editor.getSkill().node("model-1").orElseThrow().displayName());
        robot.interact(editor::undo);
        assertEquals("Vehicle detector", editor.getSkill().node("model-1").orElseThrow().displayName());
        double before = editor.canvas().viewport().scale();
        robot.moveTo(".graph-canvas").scroll(3, javafx.geometry.VerticalDirection.UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertNotEquals(before, editor.canvas().viewport().scale(), 1e-9);
        robot.clickOn(".graph-canvas");
        robot.type(KeyCode.DIGIT0);
        assertTrue(editor.canvas().viewport().scale() <= 1.0);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#minimap").query().isVisible(), "no minimap while the whole graph is in view");
        robot.interact(() -> {
            editor.canvas().viewport().scaleProperty().set(1);
            editor.centreOn("model-1");
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#minimap").query().isVisible(), "the minimap appears when part is out of view");
        // clicking the minimap centres the view on that place
        Point2D target = fx(() -> editor.canvas().minimap().toMinimap(400, 700), robot);
        Node mini = robot.lookup("#minimap").query();
        Point2D screen = fx(() -> mini.localToScreen(target), robot);
        robot.clickOn(screen);
        WaitForAsyncUtils.waitForFxEvents();
        Point2D centre = fx(() -> editor.canvas().visibleCentreWorld(), robot);
        assertEquals(400, centre.getX(), 30);
        assertEquals(700, centre.getY(), 30);
    }

    @Test
    void keysToolbarTooltipsAndHelpComeFromOneActionTable(FxRobot robot) {
        List<EditorAction> actions = editor.actions();
        assertEquals(actions.size(), actions.stream().map(EditorAction::id).distinct().count(), "ids are unique");
        for (String id : List.of("undo", "redo", "zoom-in", "zoom-out", "fit", "layout", "help")) {
            EditorAction a = actions.stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
            javafx.scene.control.Button b = robot.lookup("#" + id + "-button").queryButton();
            assertEquals(a.tooltip(), b.getTooltip().getText());
        }
        assertEquals("Undo (Ctrl+Z)", robot.lookup("#undo-button").queryButton().getTooltip().getText());
        List<HelpOverlay.Shortcut> rows = HelpOverlay.rows(actions);
        for (EditorAction a : actions) {
            assertTrue(rows.stream().anyMatch(r -> r.action().equals(a.help()) && r.keys().contains(a.keysText())),
                    "help lists " + a.id());
        }
        assertTrue(rows.contains(new HelpOverlay.Shortcut("Ctrl+C / Ctrl+X / Ctrl+V", "Copy / cut / paste")));
        Set<String> shown = robot.lookup("#help-overlay .help-keys").queryAllAs(Label.class).stream()
                .map(Label::getText).collect(java.util.stream.Collectors.toSet());
        assertTrue(shown.contains("Ctrl+Z / Ctrl+Y, Ctrl+Shift+Z"), "the overlay shows the rows: " + shown);

        // the keys still do what they did: + zooms, arrows pan (Shift further), F2 renames the one selected node
        open(robot, TestSkills.realistic());
        robot.interact(() -> {
            editor.canvas().viewport().scaleProperty().set(1);
            editor.centreOn("model-1");
        });
        robot.clickOn(".graph-canvas", MouseButton.SECONDARY);
        double scale = editor.canvas().viewport().scale();
        robot.type(KeyCode.EQUALS);
        assertTrue(editor.canvas().viewport().scale() > scale, "= zooms in");
        double tx = editor.canvas().viewport().txProperty().get();
        robot.type(KeyCode.LEFT);
        assertEquals(tx + 50, editor.canvas().viewport().txProperty().get(), 1);
        robot.press(KeyCode.SHIFT).type(KeyCode.LEFT).release(KeyCode.SHIFT);
        assertEquals(tx + 250, editor.canvas().viewport().txProperty().get(), 1);
        robot.type(KeyCode.F2);
        assertTrue(robot.lookup("#rename-model-1").tryQuery().isEmpty(), "F2 needs one selected node");
        robot.interact(() -> {
            editor.centreOn("model-1");
            editor.select(List.of("model-1"));
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.F2);
        assertTrue(robot.lookup("#rename-model-1").tryQuery().isPresent(), "F2 renames the selected node");
        robot.type(KeyCode.ESCAPE);
        robot.clickOn(".graph-canvas", MouseButton.SECONDARY);
        assertTrue(robot.lookup("#undo-button").queryButton().isDisabled(), "nothing to undo yet");
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).type(KeyCode.DELETE);
        assertTrue(editor.getSkill().nodes().isEmpty(), "Ctrl+A and Delete delete every node");
        assertFalse(robot.lookup("#undo-button").queryButton().isDisabled(), "the button follows the action");
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        assertEquals(6, editor.getSkill().nodes().size());
    }
}
