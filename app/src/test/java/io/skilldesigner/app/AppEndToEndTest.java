package io.skilldesigner.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import io.skilldesigner.app.models.AzuriteServer;
import io.skilldesigner.app.models.BlobCredentials;
import io.skilldesigner.app.models.BlobEntry;
import io.skilldesigner.canvas.SkillEditor;
import io.skilldesigner.core.model.FileLocation;
import io.skilldesigner.core.model.ModelTask;
import io.skilldesigner.core.model.OutputLayout;
import io.skilldesigner.engine.cli.Main;
import io.skilldesigner.engine.grpc.ReferenceCustomNodeServer;
import io.skilldesigner.engine.grpc.ReferenceServerOptions;
import io.skilldesigner.engine.grpc.proto.ColorFormat;
import io.skilldesigner.engine.grpc.proto.ImageType;
import io.skilldesigner.engine.grpc.proto.ProcessRequestType;
import io.skilldesigner.engine.grpc.proto.ProcessResponseType;
import io.skilldesigner.engine.model.LabelFile;
import io.skilldesigner.engine.recording.RecordingFiles;
import io.skilldesigner.engine.recording.RecordingManifest;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.image.ImageView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import io.skilldesigner.app.demo.DemoWorkspace;
import io.skilldesigner.app.models.ModelsPage;
import io.skilldesigner.app.packages.PackagesPage;
import io.skilldesigner.app.preview.PreviewPage;
import io.skilldesigner.core.catalog.PortSpec;
import io.skilldesigner.core.catalog.nodes.CameraInputNode;
import io.skilldesigner.core.catalog.nodes.FilterNode;
import io.skilldesigner.core.catalog.nodes.ModelNode;
import io.skilldesigner.core.skill.PortRef;
import io.skilldesigner.core.skill.Position;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.engine.frame.Frame;
import javafx.application.Application;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;

/**
 * The real application, headless (Monocle): first start on a fresh workspace, preview of the demo skill with
 * detections arriving in the UI, a skill created on the canvas through the wizard, a package exported.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AppEndToEndTest {
    @TempDir
    static Path tmp;
    static Application app;
    static final FxRobot robot = new FxRobot();

    @BeforeAll
    static void startApp() throws Exception {
        app = TestApp.start(tmp.resolve("ws"));
    }

    @AfterAll
    static void stopApp() throws Exception {
        TestApp.stop((SkillDesignerApp) app);
    }

    private static SkillDesignerApp designer() {
        return (SkillDesignerApp) app;
    }

    private static void waitUntil(String what, long seconds, BooleanSupplier condition) throws Exception {
        TestApp.waitUntil(what, seconds, condition);
    }

    @Test
    @Order(1)
    void firstStartShowsTheDemoSkill() {
        assertTrue(Files.isRegularFile(tmp.resolve("ws").resolve(DemoWorkspace.VIDEO)));
        robot.clickOn("#nav-skills");
        FlowPane cards = robot.lookup("#skills-cards").queryAs(FlowPane.class);
        assertEquals(1, cards.getChildren().size());
        assertNotNull(robot.lookup("#skill-card-" + DemoWorkspace.SKILL_ID).query());
        assertTrue(robot.lookup("✔ valid").tryQuery().isPresent(), "the demo skill is valid");
    }

    @Test
    @Order(2)
    void previewShowsDetectionsOfTheDemoSkill() throws Exception {
        robot.clickOn("#skill-preview-" + DemoWorkspace.SKILL_ID);
        PreviewPage page = (PreviewPage) designer().shell().page("preview");
        assertEquals("preview", designer().shell().currentPageId());
        robot.clickOn("#preview-start");
        waitUntil("frames are displayed", 60, () -> page.displayedFrames() > 10);
        waitUntil("the ball is detected", 30, () -> {
            Frame f = page.session() == null ? null : page.session().latestFrame();
            return f != null && !f.objects().isEmpty();
        });
        Frame f = page.session().latestFrame();
        assertEquals("ball", f.objects().get(0).label());
        Label state = robot.lookup("#preview-state").queryAs(Label.class);
        assertTrue(state.getText().startsWith("RUNNING"), state.getText());
        robot.clickOn("#preview-stop");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(null, page.session());
    }

    @Test
    @Order(3)
    void createASkillOnTheCanvasReviewListsProblemsThenCreates() throws Exception {
        robot.clickOn("#nav-skills");
        robot.clickOn("#skills-create");
        robot.clickOn("#skill-name").write("Ball filter");
        robot.clickOn("#skill-wizard-next");
        var editor = designer().shell().lookup("#skill-editor");
        SkillEditor ed = (SkillEditor) editor;
        String[] ids = new String[3];
        robot.interact(() -> {
            ids[0] = ed.addNode(CameraInputNode.ID, new Position(60, 40));
            ids[1] = ed.addNode(ModelNode.ID, new Position(60, 200));
            ids[2] = ed.addNode(FilterNode.ID, new Position(60, 360));
            ed.connect(new PortRef(ids[0], PortSpec.FRAME_PORT), new PortRef(ids[1], PortSpec.FRAME_PORT));
            ed.connect(new PortRef(ids[1], PortSpec.FRAME_PORT), new PortRef(ids[2], PortSpec.FRAME_PORT));
            ed.setSetting(ids[0], CameraInputNode.SOURCE_KIND, CameraInputNode.FILE);
            ed.setSetting(ids[0], CameraInputNode.FILE_PATH_KEY, DemoWorkspace.VIDEO);
        });
        robot.clickOn("#skill-wizard-next");
        robot.clickOn("#skill-wizard-next");
        Label count = robot.lookup("#skill-review-problem-count").queryAs(Label.class);
        assertTrue(count.getText().contains("problem"), "review lists the problems: " + count.getText());
        robot.clickOn("#skill-wizard-create");
        Label problems = robot.lookup("#skill-wizard-problems").queryAs(Label.class);
        assertTrue(problems.getText().startsWith("Cannot create"), problems.getText());
        assertFalse(Files.exists(tmp.resolve("ws/skills")
                .resolve(ed.getSkill().id() + ".skill.json")), "nothing saved while errors remain");

        robot.clickOn(robot.lookup(".review-problem").queryLabeled());
        assertEquals(1, ed.selectedNodes().size(), "clicking a problem selects its node");
        robot.interact(() -> ed.setSetting(ids[1], ModelNode.MODEL, DemoWorkspace.DETECTOR_ID));
        robot.clickOn("#skill-wizard-next");
        robot.clickOn("#skill-wizard-next");
        robot.clickOn("#skill-wizard-create");
        Skill saved = designer().context().workspace().listSkills().items().stream()
                .filter(s -> s.name().equals("Ball filter")).findFirst().orElseThrow();
        assertEquals(3, saved.nodes().size());
        assertEquals(2, saved.edges().size());
        assertEquals(2, robot.lookup("#skills-cards").queryAs(FlowPane.class).getChildren().size());
    }

    @Test
    @Order(4)
    void exportsTheDemoSkillAsAnEdgePackage() throws Exception {
        robot.clickOn("#nav-packages");
        PackagesPage page = (PackagesPage) designer().shell().page("packages");
        robot.interact(() -> page.export(tmp.resolve("out")));
        TextArea summary = robot.lookup("#packages-summary").queryAs(TextArea.class);
        waitUntil("the export ends", 60, () -> summary.getText().startsWith("Written")
                || summary.getText().startsWith("Export failed") || summary.getText().startsWith("The skill has"));
        assertTrue(summary.getText().startsWith("Written"), summary.getText());
        Skill exported = designer().context().workspace().listSkills().items().stream()
                .filter(s -> s.id().equals(designer().context().currentSkillIdProperty().get())).findFirst()
                .orElseThrow();
        Path folder = tmp.resolve("out").resolve(PackagesPage.packageName(exported));
        assertEquals("ball-filter", folder.getFileName().toString(),
                "the package of 'Ball filter' (id " + exported.id() + ") is named by the skill's name");
        assertTrue(Files.isRegularFile(folder.resolve("skill.json")), summary.getText());
        assertTrue(Files.isRegularFile(folder.resolve("iotedge/deployment.amd64.json")));
        assertTrue(summary.getText().contains("'" + DemoWorkspace.VIDEO + "' is a file on this computer"),
                "the local video the package only names is pointed out: " + summary.getText());
        assertTrue(Files.isRegularFile(tmp.resolve("out").resolve(folder.getFileName() + ".zip")));
    }

    @Test
    @Order(5)
    void addsAModelFromALocalFileThroughTheWizard() throws Exception {
        Path onnx = tmp.resolve("face.onnx");
        Files.copy(SharedFiles.shared().resolve("models/ultraface/version-RFB-320.onnx"), onnx);
        robot.clickOn("#nav-models");
        robot.clickOn("#models-add");
        robot.clickOn("#model-name").write("Faces");
        robot.interact(() -> robot.lookup("#model-file").queryAs(TextField.class).setText(onnx.toString()));
        robot.clickOn("#add-model-next");
        robot.clickOn("#add-model-next");
        robot.clickOn("#add-model-create");
        ModelsPage page = (ModelsPage) designer().shell().page("models");
        waitUntil("the model is added", 60, () -> page.list().getItems().stream().anyMatch(m -> m.name().equals("Faces")));
        var m = page.list().getItems().stream().filter(x -> x.name().equals("Faces")).findFirst().orElseThrow();
        assertEquals(OutputLayout.ULTRAFACE, m.io().detectedLayout());
        assertEquals(List.of(1L, 3L, 240L, 320L), m.io().inputs().get(0).shape());

        robot.interact(() -> page.tryOn(m, SharedFiles.shared().resolve("media/faces/2.jpg")));
        waitUntil("try on an image shows the faces", 60, () -> page.tryResult().getText().contains("detections"));
        String text = page.tryResult().getText();
        assertTrue(text.matches("(?s).* on CPU in .* ms — [1-9][0-9]* detections: face .*"), text);
        ImageView shown = robot.lookup("#models-try-image").queryAs(ImageView.class);
        Bounds b = shown.localToScene(shown.getBoundsInLocal());
        assertTrue(b.getWidth() >= 400, "the try-on result is large: " + b);
        assertTrue(b.getMinY() < shown.getScene().getHeight() - 200, "and on screen without scrolling: " + b);
    }


    @Test
    @Order(6)
    void addsAModelFromAzureBlobStorageThroughTheWizard() throws Exception {
        try (AzuriteServer azurite =
                     AzuriteServer.start(tmp.resolve("azurite"))) {
            var container = BlobCredentials.connectionString(azurite.connectionString())
                    .client().createBlobContainer("detectors");
            container.getBlobClient("faces/model.onnx").uploadFromFile(
                    SharedFiles.shared().resolve("models/ultraface/version-RFB-320.onnx").toString());
            robot.clickOn("#nav-models");
            robot.clickOn("#models-add");
            robot.clickOn("#model-name").write("Blob faces");
            robot.clickOn("#model-source-blob");
            robot.interact(() -> robot.lookup("#blob-connection-string")
                    .queryAs(PasswordField.class).setText(azurite.connectionString()));
            robot.clickOn("#blob-connect");
            @SuppressWarnings("unchecked")
            ListView<BlobEntry> blobs =
                    robot.lookup("#blob-list").queryAs(ListView.class);
            waitUntil("the container's blobs are listed", 30, () -> !blobs.getItems().isEmpty());
            robot.interact(() -> blobs.getSelectionModel().select(0));
            robot.clickOn("#blob-use-model");
            robot.clickOn("#add-model-next");
            robot.clickOn("#add-model-next");
            robot.clickOn("#add-model-create");
            ModelsPage page = (ModelsPage) designer().shell().page("models");
            waitUntil("the blob model is downloaded, opened and added", 60,
                    () -> page.list().getItems().stream().anyMatch(m -> m.name().equals("Blob faces")));
            var m = page.list().getItems().stream().filter(x -> x.name().equals("Blob faces")).findFirst()
                    .orElseThrow();
            assertEquals(FileLocation.Kind.AZURE_BLOB, m.model().kind());
            assertEquals("faces/model.onnx", m.model().blobName());
            assertEquals(OutputLayout.ULTRAFACE, m.io().detectedLayout());
            String json = Files.readString(tmp.resolve("ws/models").resolve(m.id() + ".model.json"));
            assertFalse(json.contains("AccountKey"), "the connection string is not stored with the model");
        }
    }

    @Test
    @Order(7)
    void conformanceCheckOfACustomNodeFromSettings() throws Exception {
        try (var server = ReferenceCustomNodeServer.start(
                ReferenceServerOptions.loopback(
                        ImageType.IMAGE_TYPE_JPEG,
                        ColorFormat.COLOR_FORMAT_BGR,
                        ProcessRequestType.FRAME_WITH_IMAGE,
                        ProcessResponseType.INSIGHTS_META_ONLY))) {
            robot.clickOn("#nav-settings");
            robot.clickOn("#conformance-endpoint").write("127.0.0.1:" + server.port());
            robot.clickOn("#conformance-run");
            TextArea report = robot.lookup("#conformance-report").queryAs(TextArea.class);
            waitUntil("the report arrives", 90, () -> report.getText().contains("Result:")
                    || report.getText().startsWith("Check failed"));
            assertTrue(report.getText().contains("Result: PASS"), report.getText());
            assertTrue(report.getText().contains("IMAGE_TYPE_JPEG"), report.getText());
            assertTrue(report.getText().contains("1920x1080"), report.getText());
        }
    }

    @Test
    @Order(8)
    void aModelUsedByASkillIsNotDeleted() throws Exception {
        robot.clickOn("#nav-models");
        ModelsPage page = (ModelsPage) designer().shell().page("models");
        robot.interact(() -> page.list().getSelectionModel().select(page.list().getItems().stream()
                .filter(m -> m.id().equals(DemoWorkspace.DETECTOR_ID)).findFirst().orElseThrow()));
        robot.clickOn("#models-delete");
        Label message = robot.lookup("#models-message").queryAs(Label.class);
        assertTrue(message.getText().contains("Cannot delete Demo ball detector: used by Demo: ball colours"),
                message.getText());
        assertTrue(designer().context().workspace().modelLibrary().find(DemoWorkspace.DETECTOR_ID).isPresent());
    }

    @Test
    @Order(20)
    void recordsThePreviewAndSavesItAsAGoldenTestThatPasses() throws Exception {
        robot.clickOn("#nav-skills");
        robot.clickOn("#skill-preview-" + DemoWorkspace.SKILL_ID);
        PreviewPage page = (PreviewPage) designer().shell().page("preview");
        robot.clickOn("#preview-start");
        waitUntil("frames are displayed", 60, () -> page.displayedFrames() > 10);
        Path recordings = tmp.resolve("ws").resolve("recordings");
        robot.clickOn("#preview-record");
        waitUntil("frames are recorded", 60, () -> {
            try (var files = Files.list(recordings)) {
                return files.filter(f -> f.toString().endsWith(".insights.jsonl")).findFirst()
                        .map(f -> f.toFile().length() > 20_000).orElse(false);
            } catch (IOException e) {
                return false;
            }
        });
        Button save = robot.lookup("#preview-save-test")
                .queryAs(Button.class);
        assertTrue(save.isDisabled(), "nothing to save while recording");
        robot.clickOn("#preview-record");
        waitUntil("the recording is finished", 60, () -> !save.isDisabled());
        robot.clickOn("#preview-save-test");
        Path golden;
        try (var files = Files.list(recordings)) {
            golden = files.filter(f -> f.toString().endsWith(".mkv")).findFirst().map(f -> f.resolveSibling(
                    f.getFileName().toString().replace(".mkv", ".golden.jsonl"))).orElseThrow();
        }
        waitUntil("the test is saved", 120, () -> Files.isRegularFile(golden) && !save.isDisabled());
        long frames = RecordingManifest.read(
                RecordingFiles.of(golden).manifest()).frames();
        assertTrue(frames > 5, "frames recorded: " + frames);
        assertEquals(frames, Files.readAllLines(golden).size(), "one expected insights line per recorded frame");
        // for a look at the page: target/screenshots (not part of the assertions)
        lookAt(save.getScene(), "preview-save-as-test");
        robot.clickOn("#preview-stop");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = new Main(new PrintStream(out, true), System.err).run("test",
                designer().context().workspace().skillFile(DemoWorkspace.SKILL_ID).toString(), "--workspace",
                tmp.resolve("ws").toString(), "--recording", golden.toString());
        assertEquals(0, code, "the saved test passes: " + out);
    }

    @Test
    @Order(21)
    void runTestsOnTheSkillCardShowsAPassBadgeThenAFailAfterAThresholdChange() throws Exception {
        robot.clickOn("#nav-skills");
        robot.clickOn("#skill-tests-" + DemoWorkspace.SKILL_ID);
        Label badge = robot.lookup("#skill-tests-badge-" + DemoWorkspace.SKILL_ID).queryAs(Label.class);
        waitUntil("the tests pass", 180, () -> badge.getText().startsWith("✔ tests 1/1 passed"));
        assertTrue(badge.getStyleClass().contains("badge-ok"), badge.getStyleClass().toString());
        lookAt(badge.getScene(), "skill-card-tests");

        var ws = designer().context().workspace();
        var skill = ws.loadSkill(DemoWorkspace.SKILL_ID);
        ws.saveSkill(skill.updateNode("classifier", n -> n.withSetting(
                ModelNode.CONFIDENCE, 0.99)));
        try {
            robot.clickOn("#nav-models");
            robot.clickOn("#nav-skills");
            robot.clickOn("#skill-tests-" + DemoWorkspace.SKILL_ID);
            Label after = robot.lookup("#skill-tests-badge-" + DemoWorkspace.SKILL_ID).queryAs(Label.class);
            waitUntil("the test fails", 180, () -> after.getText().startsWith("✖ 1 of 1 tests failed"));
            assertTrue(after.getTooltip().getText().contains("attribute"), after.getTooltip().getText());

            // the Packages page's export that requires the tests refuses, naming the test and its difference
            TextArea summary = exportDemo("gated-fail", true);
            assertTrue(summary.getText().startsWith("Export refused, nothing written: ✖ 1 of 1 tests failed")
                    && summary.getText().contains(".mkv: ") && summary.getText().contains("attribute"),
                    summary.getText());
            assertFalse(Files.exists(tmp.resolve("gated-fail")), "nothing written");
        } finally {
            ws.saveSkill(skill);
        }
        TextArea summary = exportDemo("gated-pass", true);
        assertTrue(summary.getText().startsWith("Written"), summary.getText());
    }

    /** Exports the demo skill (as saved now) from the Packages page into tmp/{@code into}. */
    private TextArea exportDemo(String into, boolean requireTests) throws Exception {
        robot.clickOn("#nav-models");
        robot.clickOn("#nav-packages");
        PackagesPage page = (PackagesPage) designer().shell().page("packages");
        @SuppressWarnings("unchecked")
        ComboBox<Skill> box = robot.lookup("#packages-skill")
                .queryAs(ComboBox.class);
        CheckBox gate = robot.lookup("#packages-require-tests")
                .queryAs(CheckBox.class);
        TextArea summary = robot.lookup("#packages-summary").queryAs(TextArea.class);
        robot.interact(() -> {
            page.onShow(); // the skill as saved now
            box.getItems().stream().filter(s -> s.id().equals(DemoWorkspace.SKILL_ID)).findFirst()
                    .ifPresent(box::setValue);
            gate.setSelected(requireTests);
            summary.clear();
            page.export(tmp.resolve(into));
        });
        waitUntil("the export ends", 240, () -> summary.getText().startsWith("Written")
                || summary.getText().startsWith("Export"));
        return summary;
    }

    @Test
    @Order(22)
    void compareViewShowsWhatAScriptedEditChangedWithLayoutHiddenByDefault() throws Exception {
        var ws = designer().context().workspace();
        var demo = ws.loadSkill(DemoWorkspace.SKILL_ID);
        var edited = demo.withId("demo-v2").withName("Demo v2")
                .updateNode("detector", n -> n.withSetting(ModelNode.CONFIDENCE,
                        0.7))
                .updateNode("tracker", n -> n.withPosition(new Position(999, 999)));
        ws.saveSkill(edited);
        try {
            robot.clickOn("#nav-models");
            robot.clickOn("#nav-skills");
            robot.clickOn("#skill-compare-" + DemoWorkspace.SKILL_ID);
            robot.clickOn("#compare-with");
            robot.clickOn("Skill: Demo v2");
            @SuppressWarnings("unchecked")
            ListView<String> list = robot.lookup("#compare-list")
                    .queryAs(ListView.class);
            waitUntil("the changes are listed", 10, () -> !list.getItems().isEmpty());
            assertEquals(List.of(
                    "~ id: \"demo-ball-colours\" -> \"demo-v2\"",
                    "~ name: \"Demo: ball colours\" -> \"Demo v2\"",
                    "~ setting detector.confidence (Confidence threshold): 0.5 -> 0.7"), list.getItems());
            Label summary = robot.lookup("#compare-summary").queryAs(Label.class);
            assertEquals("3 changes (1 layout-only hidden)", summary.getText());
            robot.clickOn("#compare-layout");
            waitUntil("layout changes are shown", 10, () -> list.getItems().size() == 4);
            assertTrue(list.getItems().get(3).startsWith("~ position tracker: "), list.getItems().get(3));
            lookAt(list.getScene(), "compare-view");
            robot.interact(() -> list.getScene().getWindow().hide());
        } finally {
            ws.deleteSkill("demo-v2");
        }
    }

    /** A PNG under target/screenshots for a person to look at; not part of any assertion. */
    private static void lookAt(Scene scene, String name) {
        robot.interact(() -> {
            try {
                Screenshots.save(scene, Path.of("target/screenshots/" + name + ".png"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Test
    @Order(9)
    void deletingAModelAsksFirst() throws Exception {
        robot.clickOn("#nav-models");
        ModelsPage page = (ModelsPage) designer().shell().page("models");
        var faces = page.list().getItems().stream().filter(m -> m.name().equals("Faces")).findFirst().orElseThrow();
        List<String> asked = new ArrayList<>();
        robot.interact(() -> {
            page.setDeleteConfirmation(m -> asked.add(m.name()) && false);
            page.list().getSelectionModel().select(faces);
        });
        robot.clickOn("#models-delete");
        assertEquals(List.of("Faces"), asked);
        assertTrue(designer().context().workspace().modelLibrary().find(faces.id()).isPresent(), "kept when declined");
        robot.interact(() -> {
            page.setDeleteConfirmation(m -> true);
            page.list().getSelectionModel().select(faces);
        });
        robot.clickOn("#models-delete");
        assertFalse(designer().context().workspace().modelLibrary().find(faces.id()).isPresent(), "deleted when confirmed");
        Label message = robot.lookup("#models-message").queryAs(Label.class);
        assertEquals("Deleted Faces", message.getText());
        assertTrue(message.isVisible() && message.getScene() != null, "the message stays visible on the page");
    }

    @Test
    @Order(10)
    void editChangesAModelsTaskAndLabels() throws Exception {
        Path labels = Files.writeString(tmp.resolve("blob-labels.txt"), "face\nbackground\n");
        robot.clickOn("#nav-models");
        ModelsPage page = (ModelsPage) designer().shell().page("models");
        var blob = page.list().getItems().stream().filter(m -> m.name().equals("Blob faces")).findFirst()
                .orElseThrow();
        robot.interact(() -> {
            page.setLabelsFileChooser(owner -> labels.toFile());
            page.list().getSelectionModel().select(blob);
        });
        robot.clickOn("#models-edit");
        robot.clickOn("#edit-model-choose-labels");
        @SuppressWarnings("unchecked")
        ChoiceBox<ModelTask> task =
                robot.lookup("#edit-model-task").queryAs(ChoiceBox.class);
        robot.interact(() -> task.setValue(ModelTask.CLASSIFICATION));
        robot.clickOn("OK");
        var saved = designer().context().workspace().modelLibrary().find(blob.id()).orElseThrow();
        assertEquals(ModelTask.CLASSIFICATION, saved.task());
        assertEquals(List.of("face", "background"), LabelFile.read(
                tmp.resolve("ws").resolve(saved.labels().path())));
        assertEquals(blob.model(), saved.model(), "the model file is kept");
    }

    /**
     * A skill whose model the engine would not open at the start (a label file that does not match the classifier,
     * which the model wizard only warns about) is flagged on its card, naming the node and the engine's reason, as
     * export would refuse it; restoring the labels makes it valid again.
     */
    @Test
    @Order(11)
    void aSkillWhoseModelWouldNotStartIsFlaggedOnItsCard() throws Exception {
        var workspace = designer().context().workspace();
        var classifier = workspace.modelLibrary().all().stream()
                .filter(m -> m.task() == ModelTask.CLASSIFICATION && m.name().startsWith("Demo")).findFirst()
                .orElseThrow();
        Path twoLabels = Files.writeString(tmp.resolve("two-labels.txt"), "red\nblue\n");
        workspace.saveModel(classifier.withLabels(FileLocation.local(twoLabels.toString())));
        try {
            robot.clickOn("#nav-models");
            robot.clickOn("#nav-skills");
            Label validity = robot.lookup("#skill-validity-" + DemoWorkspace.SKILL_ID).queryAs(Label.class);
            waitUntil("the card says the skill would not start", 60,
                    () -> validity.getText().startsWith("✖ 1 error(s)"));
            String why = validity.getTooltip().getText();
            assertTrue(why.startsWith("ERROR [classifier] ") && why.contains("but the label file has 2 labels")
                    && why.contains("(the skill would not start)"), why);
            String onCard = robot.lookup("#skill-errors-" + DemoWorkspace.SKILL_ID).queryAs(Label.class).getText();
            assertTrue(onCard.startsWith("classifier: ") && onCard.contains("but the label file has 2 labels"),
                    "the card says it without a hover: " + onCard);
            lookAt(validity.getScene(), "skill-card-would-not-start");
            // the wizard's review says it too, and where to fix it; saving stays allowed
            robot.clickOn("#skill-edit-" + DemoWorkspace.SKILL_ID);
            try {
                for (int step = 0; step < 3; step++) {
                    robot.clickOn("#skill-wizard-next");
                }
                Label check = robot.lookup("#skill-review-model-check").queryAs(Label.class);
                waitUntil("the review checks the models", 60, () -> check.getText().startsWith("classifier: "));
                assertTrue(check.getText().contains("but the label file has 2 labels")
                        && check.getText().contains("Fix the model on the Models page"), check.getText());
                assertEquals("No problems in the skill itself, but a model would not open:",
                        robot.lookup("#skill-review-problem-count").queryAs(Label.class).getText());
                lookAt(check.getScene(), "review-would-not-start");
            } finally {
                robot.clickOn("Cancel");
                WaitForAsyncUtils.waitForFxEvents();
            }
        } finally {
            workspace.saveModel(classifier);
        }
        robot.clickOn("#nav-models");
        robot.clickOn("#nav-skills");
        Label validity = robot.lookup("#skill-validity-" + DemoWorkspace.SKILL_ID).queryAs(Label.class);
        Thread.sleep(1500); // the background check has had its time: the badge stays valid
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("✔ valid", validity.getText());
    }

    /** The camera input's Turn frames is in its property form, as the catalog defines it (0, 90, 180, 270). */
    @Test
    @Order(12)
    void theCameraFormOffersTurnFrames() throws Exception {
        robot.clickOn("#nav-models");
        robot.clickOn("#nav-skills");
        robot.clickOn("#skill-edit-" + DemoWorkspace.SKILL_ID);
        robot.clickOn("#skill-wizard-next");
        try {
            var editor = (io.skilldesigner.canvas.SkillEditor) designer().shell().lookup("#skill-editor");
            robot.interact(() -> editor.select(List.of("camera")));
            WaitForAsyncUtils.waitForFxEvents();
            Node turn = editor.lookup("#setting-" + io.skilldesigner.core.catalog.nodes.CameraInputNode.TURN);
            assertNotNull(turn, "the camera's form has Turn frames");
            ComboBox<?> choice = (ComboBox<?>) turn;
            assertEquals(List.of("0", "90", "180", "270"), choice.getItems().stream().map(String::valueOf).toList());
            assertEquals("0", String.valueOf(choice.getValue()));
            lookAt(turn.getScene(), "camera-turn-setting");
        } finally {
            robot.clickOn("Cancel");
            WaitForAsyncUtils.waitForFxEvents();
        }
    }
}
