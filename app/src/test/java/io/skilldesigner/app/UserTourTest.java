package io.skilldesigner.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import io.skilldesigner.engine.metrics.NodeMetrics;
import javafx.geometry.Bounds;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeView;
import javafx.scene.image.ImageView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import io.skilldesigner.app.demo.DemoWorkspace;
import io.skilldesigner.app.preview.PreviewPage;
import io.skilldesigner.app.ui.UiChecks;
import io.skilldesigner.canvas.SkillEditor;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.validation.Problem;
import javafx.application.Application;
import javafx.scene.control.ChoiceBox;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The app as a new user meets it, at 1280x800 in both themes: every page and wizard step is walked through,
 * screenshotted (target/tour/THEME/, and docs/screenshots when -Dsd.docs.screenshots=DIR is given for the light
 * theme) and checked: no truncated button or label text, no validation error on a valid skill, contrast of the
 * editor's text >= 4.5:1.
 */
class UserTourTest {
    private static final double MIN_CONTRAST = 4.5;
    /** The README's pictures. */
    private static final List<String> DOC_PAGES = List.of("skills", "canvas", "preview", "models", "packages",
            "settings");
    @TempDir
    static Path tmp;
    static Application app;
    static Stage stage;
    static final FxRobot robot = new FxRobot();

    @BeforeAll
    static void startApp() throws Exception {
        app = TestApp.start(tmp.resolve("ws"));
        stage = FxToolkit.toolkitContext().getRegisteredStage();
        robot.interact(() -> {
            stage.setMaximized(false);
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(1280);
            stage.setHeight(800);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterAll
    static void stopApp() throws Exception {
        TestApp.stop((SkillDesignerApp) app);
    }

    private static SkillDesignerApp designer() {
        return (SkillDesignerApp) app;
    }

    private static Scene scene() {
        return stage.getScene();
    }

    private static void waitUntil(String what, long seconds, BooleanSupplier condition) throws Exception {
        TestApp.waitUntil(what, seconds, condition);
    }

    private static void shot(Theme theme, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Path[] out = {Path.of("target", "tour", theme.id(), name + ".png")};
        robot.interact(() -> {
            try {
                Screenshots.save(scene(), out[0]);
                String docs = System.getProperty("sd.docs.screenshots");
                if (docs != null && theme == Theme.LIGHT && DOC_PAGES.contains(name)) {
                    Screenshots.save(scene(), Path.of(docs, name + ".png"));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static void noTruncation(String where) {
        WaitForAsyncUtils.waitForFxEvents();
        List<String> cut = UiChecks.truncated(scene().getRoot());
        assertEquals(List.of(), cut, "text cut short on " + where);
    }

    private static void readable(Parent root, String where) {
        int labelled = UiChecks.labelledCount(root);
        assertTrue(labelled > 5, "the check sees the text of " + where + " (" + labelled + " labels)");
        assertEquals(List.of(), UiChecks.lowContrast(root, MIN_CONTRAST), "low contrast in " + where);
    }

    @SuppressWarnings("unchecked")
    private static void useTheme(Theme theme) {
        robot.clickOn("#nav-settings");
        robot.interact(() -> ((ChoiceBox<Theme>) robot.lookup("#settings-theme").query()).setValue(theme));
    }

    @AfterEach
    void leaveAnOpenWizard() {
        robot.lookup("#skill-wizard-cancel").tryQuery().ifPresent(b -> robot.clickOn(b));
    }

    @ParameterizedTest
    @EnumSource(Theme.class)
    void aNewUserWalksThroughTheApp(Theme theme) throws Exception {
        useTheme(theme);
        robot.clickOn("#nav-skills");
        assertTrue(robot.lookup("#skills-first-steps").queryLabeled().getText().contains("Preview"),
                "the first page says what to do next");
        shot(theme, "skills");
        noTruncation("the skills page");

        // a new skill: the canvas step must not claim the skill has no name
        robot.clickOn("#skills-create");
        robot.clickOn("#skill-name").write("Tour " + theme.id());
        robot.clickOn("#skill-wizard-next");
        SkillEditor newEditor = (SkillEditor) designer().shell().lookup("#skill-editor");
        List<Problem> skillLevel = newEditor.problems().stream().filter(p -> p.nodeId().isEmpty()).toList();
        assertTrue(skillLevel.stream().noneMatch(p -> p.message().toLowerCase().contains("name")),
                "no name problem while the name is set: " + skillLevel);
        shot(theme, "canvas-new");
        noTruncation("the empty canvas step");
        robot.clickOn("#skill-wizard-cancel");

        // the demo skill on the canvas: valid, readable, nothing cut
        robot.clickOn("#skill-edit-" + DemoWorkspace.SKILL_ID);
        robot.clickOn("#skill-wizard-next");
        SkillEditor editor = (SkillEditor) designer().shell().lookup("#skill-editor");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), editor.problems().stream().filter(Problem::isError).toList(),
                "the valid demo skill shows no error on the canvas");
        robot.interact(() -> editor.select(List.of(editor.getSkill().nodes().get(1).id())));
        Bounds area = editor.canvas().getLayoutBounds();
        assertTrue(area.getWidth() >= 540 && area.getHeight() >= 540,
                "the canvas gets most of a 1280x800 window (was about 500x490): " + area);
        assertFalse(editor.canvas().minimap().isVisible(), "no minimap over a graph that fits the view");
        shot(theme, "canvas");
        noTruncation("the canvas step");
        readable(editor, "the skill editor (" + theme.id() + ")");
        robot.clickOn("#skill-wizard-next");
        robot.clickOn("#skill-wizard-next");
        shot(theme, "review");
        noTruncation("the review step");
        robot.clickOn("#skill-wizard-cancel");

        robot.clickOn("#skill-preview-" + DemoWorkspace.SKILL_ID);
        PreviewPage preview = (PreviewPage) designer().shell().page("preview");
        // "Video file…" asks for the file when picked and does not start a run
        Path video = tmp.resolve("ws").resolve(DemoWorkspace.VIDEO);
        @SuppressWarnings("unchecked")
        ComboBox<Object> source = robot.lookup("#preview-source")
                .queryAs(ComboBox.class);
        robot.interact(() -> {
            preview.setVideoFileChooser(owner -> video.toFile());
            source.getSelectionModel().select(source.getItems().stream()
                    .filter(c -> c.toString().startsWith("Video file")).findFirst().orElseThrow());
        });
        waitUntil("the chosen file becomes the source", 10, () -> source.getValue().toString()
                .equals("File: " + video.getFileName()));
        assertEquals(null, preview.session(), "choosing a file does not start the preview");
        robot.clickOn("#preview-start");
        waitUntil("frames are displayed", 60, () -> preview.displayedFrames() > 30);
        assertTrue(robot.lookup("#preview-state").queryAs(Label.class).getText()
                .contains(video.getFileName().toString()), "the run uses the chosen file");
        shot(theme, "preview");
        noTruncation("the live preview");
        @SuppressWarnings("unchecked")
        TableView<NodeMetrics> metrics =
                robot.lookup("#preview-metrics").queryAs(TableView.class);
        waitUntil("timings are listed", 30, () -> !metrics.getItems().isEmpty());
        String firstNodeName = designer().context().workspace().listSkills().items().stream()
                .filter(x -> x.id().equals(DemoWorkspace.SKILL_ID)).findFirst().orElseThrow().nodes().get(0)
                .displayName();
        waitUntil("timings show node names, not ids", 10, () -> metrics.getColumns().get(0)
                .getCellData(0).equals(firstNodeName));
        // the messages tab: one collapsible JSON tree per message
        robot.clickOn("Messages");
        @SuppressWarnings("unchecked")
        TreeView<String> log = robot.lookup("#preview-messages")
                .queryAs(TreeView.class);
        waitUntil("messages arrive", 30, () -> !log.getRoot().getChildren().isEmpty());
        var first = log.getRoot().getChildren().get(0);
        assertTrue(!first.getChildren().isEmpty() && first.getChildren().stream()
                .anyMatch(c -> c.getValue().matches("\\w+: [\\[{]\\d+[}\\]]") || c.getValue().contains(": ")),
                "a message is a tree of its JSON fields: " + first.getChildren());
        shot(theme, "preview-messages");
        robot.clickOn("#preview-stop");

        // switching skill leaves nothing of the previous run on screen
        Skill copy = designer().context().workspace().listSkills().items().stream()
                .filter(x -> x.id().equals(DemoWorkspace.SKILL_ID)).findFirst().orElseThrow()
                .withId("tour-copy-" + theme.id()).withName("Tour copy " + theme.id());
        designer().context().workspace().saveSkill(copy);
        robot.interact(() -> preview.select(copy.id()));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(null, robot.lookup("#preview-video").queryAs(ImageView.class).getImage(),
                "no frame of the previous skill");
        assertTrue(metrics.getItems().isEmpty(), "no timings of the previous skill");
        assertTrue(log.getRoot().getChildren().isEmpty(), "no messages of the previous skill");
        assertEquals("Stopped", robot.lookup("#preview-state").queryAs(Label.class).getText());
        robot.interact(() -> preview.select(DemoWorkspace.SKILL_ID));

        for (String page : List.of("models", "packages", "settings")) {
            robot.clickOn("#nav-" + page);
            shot(theme, page);
            noTruncation("the " + page + " page");
        }
    }
}
