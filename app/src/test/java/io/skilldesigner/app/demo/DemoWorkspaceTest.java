package io.skilldesigner.app.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
}
