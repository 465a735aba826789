package io.skilldesigner.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.catalog.nodes.ModelNode;
import io.skilldesigner.core.catalog.nodes.TrackerNode;
import io.skilldesigner.core.io.ModelJson;
import io.skilldesigner.core.io.SkillJson;
import io.skilldesigner.core.model.FileLocation;
import io.skilldesigner.core.model.ModelDescriptor;
import io.skilldesigner.core.model.ModelLibrary;
import io.skilldesigner.core.model.ModelTask;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.engine.Engine;
import io.skilldesigner.engine.EngineListener;
import io.skilldesigner.engine.TestSkills;
import io.skilldesigner.engine.TestVideos;
import io.skilldesigner.engine.frame.Frame;
import io.skilldesigner.engine.insights.InsightsJson;
import io.skilldesigner.engine.recording.EngineVersion;
import io.skilldesigner.engine.recording.RecordingFiles;
import io.skilldesigner.engine.recording.RecordingManifest;
import io.skilldesigner.engine.recording.RecordingWriter;
import io.skilldesigner.engine.recording.SkillChecksum;
import io.skilldesigner.engine.runtime.RunIdentity;

/**
 * {@code test}: a real detector (UltraFace) and tracker on real faces; the run is recorded (source frames,
 * insights, manifest), the golden file made from a replay, the test passes; after a threshold change it fails
 * with a readable diff and exit code 6.
 */
class TestCommandTest {
    @TempDir
    static Path ws;
    static Path video;
    static Path skillFile;
    static Skill skill;
    static RecordingFiles recording;
    static final NodeCatalog CATALOG = NodeCatalog.standard();

    @BeforeAll
    static void recordARun() throws Exception {
        Path shared = Path.of(System.getProperty("sd.shared.dir", "../shared"));
        video = TestVideos.stillImage(ws.resolve("faces.mp4"), shared.resolve("media/faces/1.jpg"), 6, 720, 478, 10);
        ModelDescriptor model = new ModelDescriptor("ultraface", "UltraFace", ModelTask.DETECTION, null,
                FileLocation.local(shared.resolve("models/ultraface/version-RFB-320.onnx").toAbsolutePath()
                        .toString()), null, "", List.of(), null, null, "");
        Files.writeString(ws.resolve("ultraface" + ModelJson.EXTENSION), new ModelJson().write(model));
        skill = withConfidence(0.6);
        skillFile = write("faces", skill);

        recording = RecordingFiles.of(ws.resolve("recordings/faces-run.mkv"));
        try (RecordingWriter writer = new RecordingWriter(recording, new InsightsJson(RunIdentity.preview(skill.id())),
                10, skill.id(), SkillChecksum.of(CATALOG, skill));
             Engine engine = Engine.builder(skill).models(ModelLibrary.of(List.of(model))).workspace(ws)
                     .listener(new EngineListener() {
                         @Override
                         public void onOutput(Frame frame) {
                             try {
                                 writer.write(frame);
                             } catch (java.io.IOException e) {
                                 throw new java.io.UncheckedIOException(e);
                             }
                         }
                     }).paced(false).lossless(true).build()) {
            engine.start();
            assertTrue(engine.awaitCompletion(Duration.ofMinutes(2)));
        }
    }

    private static Skill withConfidence(double confidence) {
        return TestSkills.fileCamera(video, false)
                .node("detector", ModelNode.ID, "camera", Map.of(ModelNode.MODEL, "ultraface", ModelNode.TASK,
                        ModelNode.DETECTION, ModelNode.CONFIDENCE, confidence))
                .node("tracker", TrackerNode.ID, "detector", Map.of()).build();
    }

    private static Path write(String name, Skill s) throws Exception {
        Path file = ws.resolve(name + ".skill.json");
        Files.writeString(file, new SkillJson(CATALOG).write(s));
        return file;
    }

    @Test
    void recordingKeepsTheSourceFramesLosslessWithInsightsAndAManifest() throws Exception {
        RecordingManifest m = RecordingManifest.read(recording.manifest());
        assertEquals(6, m.frames());
        assertEquals(0, m.dropped());
        assertEquals(SkillChecksum.of(CATALOG, skill), m.skillSha256());
        assertEquals(EngineVersion.current(), m.engineVersion());
        assertFalse(m.engineVersion().isBlank() || m.engineVersion().equals("unknown") || m.engineVersion()
                .contains("${"), m.engineVersion());
        assertEquals(6, Files.readAllLines(recording.insights()).size());
        try (FFmpegFrameGrabber src = new FFmpegFrameGrabber(video.toFile());
             FFmpegFrameGrabber rec = new FFmpegFrameGrabber(recording.video().toFile());
             OpenCVFrameConverter.ToMat c1 = new OpenCVFrameConverter.ToMat();
             OpenCVFrameConverter.ToMat c2 = new OpenCVFrameConverter.ToMat()) {
            src.setPixelFormat(org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24);
            rec.setPixelFormat(org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24);
            src.start();
            rec.start();
            Mat a = c1.convert(src.grabImage()).clone();
            Mat b = c2.convert(rec.grabImage());
            Mat d = new Mat();
            opencv_core.absdiff(a, b, d);
            assertEquals(0, opencv_core.countNonZero(d.reshape(1, 0)), "the recording holds the source pixels");
        }
    }

    @Test
    void goldenFromAReplayPassesAndAThresholdChangeFailsWithAReadableDiff() throws Exception {
        Path golden = ws.resolve("faces.golden.jsonl");
        CliRun noGolden = CliRun.of("test", skillFile.toString(), "--recording", recording.video().toString(),
                "--golden", golden.toString());
        assertEquals(2, noGolden.code(), noGolden.err());
        assertTrue(noGolden.err().contains("--update"), noGolden.err());

        CliRun update = CliRun.of("test", skillFile.toString(), "--recording", recording.video().toString(),
                "--golden", golden.toString(), "--update");
        assertEquals(0, update.code(), update.err());
        List<String> goldenLines = Files.readAllLines(golden);
        assertEquals(6, goldenLines.size());
        assertTrue(JsonParser.parseString(goldenLines.get(5)).getAsJsonObject().getAsJsonObject("insights_meta")
                .getAsJsonArray("objects_meta").size() >= 3, goldenLines.get(5));

        CliRun pass = CliRun.of("test", skillFile.toString(), "--recording", recording.video().toString(),
                "--golden", golden.toString());
        assertEquals(0, pass.code(), pass.out() + pass.err());
        assertTrue(pass.out().contains("PASS (6 frames"), pass.out());

        Path stricter = write("faces-strict", withConfidence(0.97));
        CliRun fail = CliRun.of("test", stricter.toString(), "--recording", recording.video().toString(),
                "--golden", golden.toString());
        assertEquals(6, fail.code(), fail.out() + fail.err());
        assertTrue(fail.out().contains("FAIL ("), fail.out());
        assertTrue(fail.out().lines().anyMatch(l -> l.startsWith("  frame 0 (id 0) face")
                && l.endsWith(": missing in the replay")), fail.out());
        assertTrue(fail.err().contains("the skill differs from the one faces-run.mkv was made with"), fail.err());

        CliRun json = CliRun.of("test", stricter.toString(), "--recording", recording.manifest().toString(),
                "--golden", golden.toString(), "--json");
        assertEquals(6, json.code(), json.err());
        JsonObject o = JsonParser.parseString(json.out()).getAsJsonObject();
        assertFalse(o.get("passed").getAsBoolean());
        JsonObject first = o.getAsJsonArray("differences").get(0).getAsJsonObject();
        assertEquals(0, first.get("frame").getAsInt());
        assertEquals("missing in the replay", first.get("what").getAsString());
    }

    @Test
    void usageErrors() {
        assertEquals(2, CliRun.of("test", skillFile.toString(), "--golden", "g.jsonl").code());
        CliRun none = CliRun.of("test", skillFile.toString(), "--workspace", ws.resolve("empty").toString());
        assertEquals(2, none.code(), none.err());
        assertTrue(none.err().contains("no saved tests of skill test-skill"), none.err());
        assertEquals(2, CliRun.of("test", skillFile.toString(), "--recording", "x.mkv", "--iou", "2").code());
        CliRun missing = CliRun.of("test", skillFile.toString(), "--recording", ws.resolve("none.mkv").toString(),
                "--update");
        assertEquals(4, missing.code(), missing.err());
        assertTrue(missing.err().contains("none.mkv"), missing.err());
        CliRun help = CliRun.of("test", "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("6 differences"), help.out());
    }

    @Test
    void withoutARecordingEverySavedTestOfTheSkillRuns() throws Exception {
        CliRun save = CliRun.of("test", skillFile.toString(), "--recording", recording.video().toString(),
                "--update");
        assertEquals(0, save.code(), save.err());
        assertTrue(Files.isRegularFile(recording.golden()));

        CliRun all = CliRun.of("test", skillFile.toString(), "--workspace", ws.toString());
        assertEquals(0, all.code(), all.out() + all.err());
        assertEquals(List.of("test test-skill on faces-run.mkv: PASS (6 frames match " + recording.golden() + ")"),
                all.out().lines().toList());

        Path stricter = write("faces-strict-all", withConfidence(0.97));
        CliRun fail = CliRun.of("test", stricter.toString(), "--workspace", ws.toString(), "--json");
        assertEquals(6, fail.code(), fail.err());
        com.google.gson.JsonArray results = JsonParser.parseString(fail.out()).getAsJsonArray();
        assertEquals(1, results.size());
        assertFalse(results.get(0).getAsJsonObject().get("passed").getAsBoolean());
    }
}
