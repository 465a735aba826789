package io.skilldesigner.app.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.model.ModelDescriptor;
import io.skilldesigner.core.model.OutputLayout;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.validation.Problem;
import io.skilldesigner.core.validation.SkillValidator;
import io.skilldesigner.core.workspace.Workspace;

/** First start: the demo workspace is made by the app itself, valid and complete. */
class DemoWorkspaceTest {
    private final NodeCatalog catalog = NodeCatalog.standard();

    @Test
    void firstStartCreatesVideoModelsAndAValidSkill(@TempDir Path dir) throws Exception {
        Workspace ws = DemoWorkspace.openOrCreate(dir.resolve("ws"), catalog);

        Path video = ws.root().resolve(DemoWorkspace.VIDEO);
        assertTrue(Files.size(video) > 10_000, "demo video written");
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(video.toFile())) {
            g.start();
            assertEquals(DemoVideo.WIDTH, g.getImageWidth());
            assertEquals(DemoVideo.HEIGHT, g.getImageHeight());
            assertEquals(DemoVideo.FPS * DemoVideo.SECONDS, g.getLengthInVideoFrames(), 2);
        }

        ModelDescriptor detector = ws.modelLibrary().find(DemoWorkspace.DETECTOR_ID).orElseThrow();
        assertNotNull(detector.io(), "the demo detector was opened and inspected");
        assertEquals(OutputLayout.YOLOV8, detector.io().detectedLayout());
        assertNotNull(detector.decoder());
        assertFalse(detector.sha256().isEmpty());
        ModelDescriptor classifier = ws.modelLibrary().find(DemoWorkspace.CLASSIFIER_ID).orElseThrow();
        assertEquals(OutputLayout.CLASSIFICATION, classifier.io().detectedLayout());

        Skill skill = ws.loadSkill(DemoWorkspace.SKILL_ID);
        List<Problem> errors = new SkillValidator(catalog, ws.modelLibrary()).validate(skill).stream()
                .filter(Problem::isError).toList();
        assertEquals(List.of(), errors);
    }

    @Test
    void aDeletedDemoIsNotRecreated(@TempDir Path dir) throws Exception {
        Workspace ws = DemoWorkspace.openOrCreate(dir, catalog);
        assertTrue(ws.deleteSkill(DemoWorkspace.SKILL_ID));
        Workspace again = DemoWorkspace.openOrCreate(dir, catalog);
        assertTrue(again.listSkills().items().isEmpty(), "the user's deletion stands");
    }

    /** A demo workspace that lost its settings.json (copied without it): starts, adds nothing twice, loses nothing. */
    @Test
    void missingSettingsOnAnExistingDemo(@TempDir Path dir) throws Exception {
        Workspace ws = DemoWorkspace.openOrCreate(dir, catalog);
        Skill edited = ws.loadSkill(DemoWorkspace.SKILL_ID).withName("My edited demo");
        ws.saveSkill(edited);
        String detector = Files.readString(ws.modelFile(DemoWorkspace.DETECTOR_ID));
        Files.delete(dir.resolve(Workspace.SETTINGS_FILE));

        DemoWorkspace.Opened again = DemoWorkspace.open(dir, catalog);
        assertNull(again.settingsProblem());
        Skill kept = again.workspace().loadSkill(DemoWorkspace.SKILL_ID);
        assertEquals("My edited demo", kept.name(), "the user's skill is not replaced by the demo");
        assertEquals(6, kept.nodes().size());
        assertEquals(detector, Files.readString(ws.modelFile(DemoWorkspace.DETECTOR_ID)));
        assertEquals(List.of("true"), again.workspace().loadSettings().get(DemoWorkspace.CREATED_KEY).stream()
                .toList());
    }

    @Test
    void corruptSettingsAreReportedAndRepairedOnRequest(@TempDir Path dir) throws Exception {
        DemoWorkspace.openOrCreate(dir, catalog);
        Path settings = dir.resolve(Workspace.SETTINGS_FILE);
        String broken = "{ \"formatVersion\": 1, \"values\": { \"demo.created\": tru";
        Files.writeString(settings, broken);

        DemoWorkspace.Opened opened = DemoWorkspace.open(dir, catalog);
        assertNotNull(opened.settingsProblem(), "reported");
        assertTrue(opened.settingsProblem().contains(Workspace.SETTINGS_FILE), opened.settingsProblem());
        assertEquals(broken, Files.readString(settings), "left as it is until the user asks");
        assertEquals(1, opened.workspace().listSkills().items().size(), "the workspace is usable");

        Path kept = DemoWorkspace.repairSettings(opened.workspace());
        assertEquals(broken, Files.readString(kept), "the unreadable file is kept");
        assertEquals("true", opened.workspace().loadSettings().get(DemoWorkspace.CREATED_KEY).orElseThrow());
        assertNull(DemoWorkspace.open(dir, catalog).settingsProblem());
    }
}
