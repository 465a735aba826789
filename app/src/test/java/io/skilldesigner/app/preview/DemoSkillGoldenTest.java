package io.skilldesigner.app.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.skilldesigner.app.demo.DemoWorkspace;
import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.catalog.nodes.ModelNode;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.workspace.Workspace;
import io.skilldesigner.engine.cli.Main;
import io.skilldesigner.engine.recording.RecordingManifest;
import io.skilldesigner.engine.recording.SkillChecksum;

/**
 * The demo skill's own recording, made as Live Preview records, is a golden test: {@code test --update} makes the
 * golden file from a replay, {@code test} then passes; after a threshold change it fails with a readable diff and
 * exit code 6.
 */
class DemoSkillGoldenTest {
    record Result(int code, String out, String err) {
    }

    private static Result cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Main(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void demoRecordingPassesItsGoldenTestAndAThresholdChangeFailsIt(@TempDir Path dir) throws Exception {
        NodeCatalog catalog = NodeCatalog.standard();
        Workspace ws = DemoWorkspace.openOrCreate(dir, catalog);
        Skill skill = ws.loadSkill(DemoWorkspace.SKILL_ID);
        Path video = dir.resolve("recordings/demo.mkv");
        SessionRecorder recorder;
        try (PreviewSession s = PreviewSession.start(skill, catalog, ws.modelLibrary(), ws.root(), null)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (s.latestFrame() == null && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            s.startRecording(video);
            while (System.nanoTime() < deadline && s.latestFrame() != null) {
                Thread.sleep(100);
                if (Files.exists(video.resolveSibling("demo.insights.jsonl"))
                        && Files.readAllLines(video.resolveSibling("demo.insights.jsonl")).size() >= 30) {
                    break;
                }
            }
            recorder = s.stopRecording();
        }
        assertEquals("", recorder.error());
        assertTrue(recorder.written() >= 30, "frames recorded: " + recorder.written());
        RecordingManifest manifest = RecordingManifest.read(recorder.files().manifest());
        assertEquals(SkillChecksum.of(catalog, skill), manifest.skillSha256());
        assertEquals(recorder.written(), manifest.frames());

        Path skillFile = ws.skillFile(DemoWorkspace.SKILL_ID);
        Result update = cli("test", skillFile.toString(), "--workspace", dir.toString(), "--recording",
                video.toString(), "--update");
        assertEquals(0, update.code(), update.out() + update.err());
        assertEquals(recorder.written(), Files.readAllLines(recorder.files().golden()).size());

        Result pass = cli("test", skillFile.toString(), "--workspace", dir.toString(), "--recording",
                video.toString());
        assertEquals(0, pass.code(), pass.out() + pass.err());
        assertTrue(pass.out().contains("PASS (" + recorder.written() + " frames"), pass.out());

        // the demo detector is sure of the ball (confidence 1); the colour classifier's threshold is the one to turn
        ws.saveSkill(skill.updateNode("classifier", n -> n.withSetting(ModelNode.CONFIDENCE, 0.99)));
        Result fail = cli("test", skillFile.toString(), "--workspace", dir.toString(), "--recording",
                video.toString());
        assertEquals(6, fail.code(), fail.out() + fail.err());
        assertTrue(fail.err().contains("the skill differs from the one demo.mkv was made with"), fail.err());
        assertTrue(fail.out().lines().anyMatch(l -> l.matches("  frame \\d+ \\(id \\d+\\) ball .*: attribute .* -> \\(none\\)")), fail.out());
    }
}
