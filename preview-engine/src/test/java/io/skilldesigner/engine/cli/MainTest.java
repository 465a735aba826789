package io.skilldesigner.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.catalog.nodes.FilterNode;
import io.skilldesigner.core.catalog.nodes.ModelNode;
import io.skilldesigner.core.io.ModelJson;
import io.skilldesigner.core.io.SkillJson;
import io.skilldesigner.core.model.FileLocation;
import io.skilldesigner.core.model.ModelDescriptor;
import io.skilldesigner.core.model.ModelTask;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.engine.TestSkills;
import io.skilldesigner.engine.TestVideos;

/** The command line on a real MP4 and real skill files; exit codes. */
class MainTest {
    @TempDir
    static Path dir;
    static Path video;
    static Path skillFile;

    @BeforeAll
    static void files() throws Exception {
        video = TestVideos.movingSquare(dir.resolve("clip.mp4"), 30, 128, 96, 30);
        Skill skill = TestSkills.fileCamera(video, false).fps(60).node("filter", FilterNode.ID, "camera",
                Map.of(FilterNode.LABELS, List.of("person"))).build();
        skillFile = dir.resolve("demo.skill.json");
        Files.writeString(skillFile, new SkillJson(NodeCatalog.standard()).write(skill));
    }

    record Result(int code, String out, String err) {
    }

    private static Result main(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Main(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void runWritesOneInsightLinePerFrameAndASummary() throws Exception {
        Path out = dir.resolve("out/insights.jsonl");
        Result r = main("run", skillFile.toString(), "--frames", "12", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals(12, lines.size());
        for (int i = 0; i < lines.size(); i++) {
            JsonObject o = JsonParser.parseString(lines.get(i)).getAsJsonObject();
            assertEquals(128, o.getAsJsonObject("image").getAsJsonObject("properties").get("width").getAsInt());
            assertEquals("test-skill", o.get("skill_id").getAsString());
            assertTrue(o.has("datetime") && o.has("frame_id") && o.has("timestamp"));
        }
        assertTrue(r.err().contains("fps") && r.err().contains("p95 ms") && r.err().contains("filter"), r.err());
    }

    @Test
    void runWithoutPacingProcessesEveryFrameOfTheSourceGivenOnTheCommandLine() throws Exception {
        Result r = main("run", skillFile.toString(), "--source", video.toString(), "--no-pacing");
        assertEquals(0, r.code(), r.err());
        long lines = r.out().lines().filter(l -> l.startsWith("{")).count();
        assertEquals(30, lines, r.err());
    }

    @Test
    void exitCodesScriptsCanRelyOn() throws Exception {
        assertEquals(2, main().code());
        assertEquals(2, main("run").code());
        assertEquals(2, main("run", skillFile.toString(), "--frames", "zero").code());
        assertEquals(2, main("fly").code());

        Result missingSkill = main("run", dir.resolve("none.skill.json").toString());
        assertEquals(3, missingSkill.code());
        assertTrue(missingSkill.err().contains("skill file not found"), missingSkill.err());

        Skill bad = TestSkills.fileCamera(video, false).node("filter", FilterNode.ID, "camera",
                Map.of(FilterNode.MIN_CONFIDENCE, 7.0)).build();
        Path badFile = dir.resolve("bad.skill.json");
        Files.writeString(badFile, new SkillJson(NodeCatalog.standard()).write(bad));
        Result invalid = main("run", badFile.toString());
        assertEquals(3, invalid.code());
        assertTrue(invalid.err().contains("[filter." + FilterNode.MIN_CONFIDENCE + "]"), invalid.err());

        Result noSource = main("run", skillFile.toString(), "--source", dir.resolve("gone.mp4").toString());
        assertEquals(4, noSource.code());
        assertTrue(noSource.err().contains("video file not found"), noSource.err());

        Result noModel = main("inspect", dir.resolve("gone.onnx").toString());
        assertEquals(5, noModel.code());
    }

    @Test
    void runWithARealModelReportsItsProviderAndAnUnreadableModelExitsWith5() throws Exception {
        Path shared = Path.of(System.getProperty("sd.shared.dir", "../shared"));
        Path ws = Files.createDirectories(dir.resolve("ws"));
        Path faces = TestVideos.stillImage(ws.resolve("faces.mp4"), shared.resolve("media/faces/1.jpg"), 3, 720, 478,
                10);
        Path broken = Files.writeString(ws.resolve("broken.onnx"), "not a model");
        writeModel(ws, "ultraface", shared.resolve("models/ultraface/version-RFB-320.onnx").toAbsolutePath());
        writeModel(ws, "broken", broken);
        Path skill = writeSkill(ws, "faces", faces, "ultraface");
        Result r = main("run", skill.toString(), "--no-pacing", "--workspace", ws.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(3, lines.size());
        assertTrue(JsonParser.parseString(lines.get(0)).getAsJsonObject().getAsJsonObject("insights_meta")
                .getAsJsonArray("objects_meta").size() >= 3, lines.get(0));
        assertTrue(r.err().contains("model node detector: ") && r.err().contains("CPU"), r.err());

        Result bad = main("run", writeSkill(ws, "bad", faces, "broken").toString(), "--workspace", ws.toString());
        assertEquals(5, bad.code(), bad.err());
        assertTrue(bad.err().contains("node 'detector' (model) could not start"), bad.err());
    }

    private static void writeModel(Path ws, String id, Path file) throws Exception {
        ModelDescriptor d = new ModelDescriptor(id, id, ModelTask.DETECTION, null, FileLocation.local(file.toString()),
                null, "", List.of(), null, null, "");
        Files.writeString(ws.resolve(id + ModelJson.EXTENSION), new ModelJson().write(d));
    }

    private static Path writeSkill(Path ws, String name, Path video, String modelId) throws Exception {
        Skill skill = TestSkills.fileCamera(video, false)
                .node("detector", ModelNode.ID, "camera", Map.of(ModelNode.MODEL, modelId, ModelNode.TASK,
                        ModelNode.DETECTION))
                .node("filter", FilterNode.ID, "detector", Map.of(FilterNode.MIN_CONFIDENCE, 0.9)).build();
        Path file = ws.resolve(name + ".skill.json");
        Files.writeString(file, new SkillJson(NodeCatalog.standard()).write(skill));
        return file;
    }

    @Test
    void inspectPrintsTheInputsAndOutputsOfARealModel() {
        Path shared = Path.of(System.getProperty("sd.shared.dir", "../shared"));
        Path model = shared.resolve("models/ultraface/version-RFB-320.onnx");
        Result r = main("inspect", model.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Inputs:") && r.out().contains("input FLOAT [1, 3, 240, 320]"), r.out());
        assertTrue(r.out().contains("scores") && r.out().contains("boxes") && r.out().contains("Layout:"), r.out());
    }

    @Test
    void inspectSaysWhatItRecognisedAndWhy() {
        Path shared = Path.of(System.getProperty("sd.shared.dir", "../shared"));
        Result raw = main("inspect", shared.resolve("models/ultraface-raw/version-slim-320_without_postprocessing.onnx")
                .toString());
        assertEquals(0, raw.code(), raw.err());
        assertTrue(raw.out().contains("Layout: ULTRAFACE_RAW (confidence 0.90)"), raw.out());
        assertTrue(raw.out().contains("ULTRAFACE rejected"), "the decoded reading is shown as rejected: " + raw.out());
        Result names = main("inspect", "src/test/resources/models/yolov8_names_test.onnx");
        assertEquals(0, names.code(), names.err());
        assertTrue(names.out().contains("Class names: 2 from model metadata 'names': cat, dog (match)"), names.out());
        Result yunet = main("inspect", shared.resolve("models/yunet/face_detection_yunet_2026may.onnx").toString(),
                "--image", shared.resolve("media/faces/2.jpg").toString());
        assertEquals(0, yunet.code(), yunet.err());
        assertTrue(yunet.out().contains("Layout: YUNET") && yunet.out().contains("no resize, pad to a multiple of 32"),
                yunet.out());
    }

    @Test
    void inspectOfAnUnsupportedModelExitsWithFive() {
        Result r = main("inspect", "src/test/resources/models/unknown_layout_test.onnx");
        assertEquals(5, r.code(), r.out());
        assertTrue(r.err().contains("not supported: ") && r.err().contains("; supported layouts: YOLOv5"), r.err());
        assertTrue(r.err().contains("output FLOAT [1, 2, 3]"), "the outputs are listed: " + r.err());
    }
}
