package io.skilldesigner.app.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.skilldesigner.app.demo.DemoWorkspace;
import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.catalog.nodes.CameraInputNode;
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

    /** Records the skill's own source as Live Preview does, until {@code frames} insight lines are written. */
    private static SessionRecorder record(Workspace ws, NodeCatalog catalog, Skill skill, Path video, int frames)
            throws Exception {
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
                        && Files.readAllLines(video.resolveSibling("demo.insights.jsonl")).size() >= frames) {
                    break;
                }
            }
            recorder = s.stopRecording();
        }
        return recorder;
    }

    @Test
    void demoRecordingPassesItsGoldenTestAndAThresholdChangeFailsIt(@TempDir Path dir) throws Exception {
        NodeCatalog catalog = NodeCatalog.standard();
        Workspace ws = DemoWorkspace.openOrCreate(dir, catalog);
        Skill skill = ws.loadSkill(DemoWorkspace.SKILL_ID);
        Path video = dir.resolve("recordings/demo.mkv");
        SessionRecorder recorder = record(ws, catalog, skill, video, 30);
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

    /**
     * A camera with Turn frames records turned frames; its replay takes them as recorded (not turned again): the
     * replay finds the ball where the live run found it, frame by frame.
     */
    @Test
    void aTurnedCamerasRecordingReplaysAsItWasSeen(@TempDir Path dir) throws Exception {
        NodeCatalog catalog = NodeCatalog.standard();
        Workspace ws = DemoWorkspace.openOrCreate(dir, catalog);
        Skill turned = ws.loadSkill(DemoWorkspace.SKILL_ID)
                .updateNode("camera", n -> n.withSetting(CameraInputNode.TURN, "180"));
        ws.saveSkill(turned);
        Path video = dir.resolve("recordings/demo.mkv");
        SessionRecorder recorder = record(ws, catalog, turned, video, 20);
        assertEquals("", recorder.error());
        Result update = cli("test", ws.skillFile(DemoWorkspace.SKILL_ID).toString(), "--workspace", dir.toString(),
                "--recording", video.toString(), "--update");
        assertEquals(0, update.code(), update.out() + update.err());
        Map<String, double[]> live = ballBoxes(recorder.files().insights());
        Map<String, double[]> replay = ballBoxes(recorder.files().golden());
        int compared = 0;
        for (Map.Entry<String, double[]> e : live.entrySet()) {
            double[] r = replay.get(e.getKey());
            if (r != null) {
                assertEquals(e.getValue()[0], r[0], 0.02, "ball left edge, frame " + e.getKey());
                assertEquals(e.getValue()[1], r[1], 0.02, "ball top edge, frame " + e.getKey());
                compared++;
            }
        }
        assertTrue(compared >= 10, "frames with the ball in both: " + compared);
    }

    /** Frame id to the first object's box (left, top) in an insights file. */
    private static Map<String, double[]> ballBoxes(Path insights) throws Exception {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(insights)) {
            JsonObject o = JsonParser.parseString(line).getAsJsonObject();
            JsonArray objects = o.getAsJsonObject("insights_meta").getAsJsonArray("objects_meta");
            if (objects != null && !objects.isEmpty()) {
                JsonObject box = objects.get(0).getAsJsonObject().getAsJsonObject("bbox");
                out.put(o.get("frame_id").getAsString(), new double[] {box.get("l").getAsDouble(),
                        box.get("t").getAsDouble()});
            }
        }
        return out;
    }
}
