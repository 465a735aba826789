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
import java.util.Set;
import java.util.concurrent.TimeUnit;

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
    void severalSourcesRunTheSkillOnEachWithLinesNamedByStreamAndPerStreamFigures() throws Exception {
        Path second = TestVideos.movingSquare(dir.resolve("clip2.mp4"), 20, 160, 120, 30);
        Result r = main("run", skillFile.toString(), "--source", video.toString(), "--source", second.toString(),
                "--no-pacing");
        assertEquals(0, r.code(), r.err());
        Map<String, List<Integer>> widths = new java.util.TreeMap<>();
        r.out().lines().filter(l -> l.startsWith("{")).map(l -> JsonParser.parseString(l).getAsJsonObject())
                .forEach(o -> widths.computeIfAbsent(o.get("instance_id").getAsString(), k -> new java.util.ArrayList<>())
                        .add(o.getAsJsonObject("image").getAsJsonObject("properties").get("width").getAsInt()));
        assertEquals(Set.of("stream1", "stream2"), widths.keySet(), r.out());
        assertEquals(30, widths.get("stream1").size(), "every frame of the first file");
        assertEquals(20, widths.get("stream2").size(), "every frame of the second file");
        assertTrue(widths.get("stream1").stream().allMatch(w -> w == 128), "stream1 lines come from the first file");
        assertTrue(widths.get("stream2").stream().allMatch(w -> w == 160), "stream2 lines come from the second file");
        assertTrue(r.err().contains("== stream1") && r.err().contains("== stream2"), r.err());
        assertTrue(r.err().contains("aggregate") && r.err().contains("fairness"), r.err());
        assertTrue(r.err().lines().anyMatch(l -> l.matches("stream2\\s+20\\s.*")),
                "the stream table counts the lines written: " + r.err());

        Result oneGone = main("run", skillFile.toString(), "--source", video.toString(), "--source",
                dir.resolve("gone2.mp4").toString(), "--no-pacing");
        assertEquals(4, oneGone.code(), oneGone.err());
        assertTrue(oneGone.err().contains("stream2: error:") && oneGone.err().contains("video file not found"),
                oneGone.err());
        assertEquals(30, oneGone.out().lines().filter(l -> l.contains("\"instance_id\":\"stream1\"")).count(),
                "the healthy stream still runs to its end: " + oneGone.err());

        assertEquals(2, main("run", skillFile.toString(), "--source", video.toString(), "--source", "webcam:",
                "--no-pacing").code(), "a malformed second source is a usage error");
    }

    @Test
    void benchFeedsTheRawLoopTheModelsOwnInputTypeFloat16AndUint8Too() {
        for (String model : List.of("colour_classifier_fp16.onnx", "colour_classifier_nhwc_u8.onnx")) {
            Result r = main("bench", "src/test/resources/models/" + model, "--video", video.toString(), "--frames",
                    "5", "--rounds", "1", "--threads", "1,1,1");
            assertEquals(0, r.code(), r.err() + r.out());
            assertTrue(r.out().contains("| " + model + " |"), r.out());
        }
    }

    @Test
    void benchPeerOptionsSayWhatIsWrongBeforeAnyMeasurement() {
        Result missing = main("bench", "src/test/resources/models/colour_classifier_fp16.onnx", "--video",
                video.toString(), "--peer", "no-such-peer.py");
        assertEquals(2, missing.code(), missing.err());
        assertTrue(missing.err().contains("--peer: no such script") && missing.err().contains("no-such-peer.py"),
                missing.err());
        Result alone = main("bench", "src/test/resources/models/colour_classifier_fp16.onnx", "--python",
                "/usr/bin/python3");
        assertEquals(2, alone.code(), alone.err());
        assertTrue(alone.err().contains("--python goes with --peer"), alone.err());
    }

    @Test
    void benchWithThePeerPutsThePythonLoopBesideTheEngineOnARealModel() {
        Path shared = Path.of(System.getProperty("sd.shared.dir", "../shared"));
        Result r = main("bench", shared.resolve("models/squeezenet/squeezenet1.1-fp32.onnx").toString(), "--video",
                shared.resolve("media/video/one-by-one-person-detection.mp4").toString(), "--frames", "4", "--rounds",
                "1", "--threads", "1,1,1", "--peer", "src/bench/python/peer_baseline.py");
        assertEquals(0, r.code(), r.err() + r.out());
        assertTrue(r.out().contains("Python peer: python ") && r.out().contains("onnxruntime"), r.out());
        String row = r.out().lines().filter(l -> l.startsWith("| squeezenet1.1-fp32.onnx |")).findFirst()
                .orElseThrow(() -> new AssertionError(r.out()));
        String header = r.out().lines().filter(l -> l.startsWith("| model | threads | raw fps")).findFirst()
                .orElseThrow(() -> new AssertionError(r.out()));
        assertTrue(header.endsWith("| Python peer fps | engine/peer (means) | engine/peer (median) |"), header);
        // 15 cells between 16 bars: the 12 of the table and the peer's 3, as the header has them
        assertEquals(17, row.split("\\|", -1).length, row);
        assertEquals(17, header.split("\\|", -1).length, header);
    }

    @Test
    void benchOnAGpuSaysWhichProviderRanAndWhyInTheTable() {
        Result r = main("bench", "src/test/resources/models/colour_classifier_fp16.onnx", "--video", video.toString(),
                "--frames", "5", "--rounds", "1", "--threads", "1,1,1", "--gpu");
        assertEquals(0, r.code(), r.err() + r.out());
        String row = r.out().lines().filter(l -> l.startsWith("| colour_classifier_fp16.onnx |")).findFirst()
                .orElseThrow(() -> new AssertionError(r.out()));
        assertTrue(row.contains("requested GPU, running CPU") && row.contains("CUDA: not in this build"), row);
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
        assertTrue(r.err().contains("(measured)"), "threads chosen by measurement by default: " + r.err());

        Result given = main("run", skill.toString(), "--no-pacing", "--workspace", ws.toString(), "--threads", "1,1");
        assertEquals(0, given.code(), given.err());
        assertTrue(given.err().contains("threads=intra 1, inter 1, stages 1"), "--threads wins: " + given.err());
        Result wrong = main("run", skill.toString(), "--threads", "two");
        assertEquals(2, wrong.code());
        assertTrue(wrong.err().contains("--threads takes whole numbers"), wrong.err());

        Result bad = main("run", writeSkill(ws, "bad", faces, "broken").toString(), "--workspace", ws.toString());
        assertEquals(5, bad.code(), bad.err());
        assertTrue(bad.err().contains("node 'detector' (model) could not start"), bad.err());
    }

    /** On this CPU build: the summary says the GPU skill runs on the CPU, TensorRT off by the flag, no CUDA. */
    @Test
    void noTensorRtOnAGpuSkillIsTheFirstReasonInTheSummary() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(!ai.onnxruntime.OrtEnvironment.getAvailableProviders()
                .contains(ai.onnxruntime.OrtProvider.CUDA), "the CPU build of ONNX Runtime");
        Path shared = Path.of(System.getProperty("sd.shared.dir", "../shared"));
        Path ws = Files.createDirectories(dir.resolve("ws-gpu"));
        Path faces = TestVideos.stillImage(ws.resolve("faces.mp4"), shared.resolve("media/faces/2.jpg"), 1, 720, 478,
                10);
        writeModel(ws, "ultraface", shared.resolve("models/ultraface/version-RFB-320.onnx").toAbsolutePath());
        Path skill = writeSkill(ws, "faces", faces, "ultraface");
        Skill cpu = new SkillJson(NodeCatalog.standard()).read(skill);
        Files.writeString(skill, new SkillJson(NodeCatalog.standard()).write(cpu.withBasics(cpu.basics()
                .withAcceleration(io.skilldesigner.core.skill.Acceleration.NVIDIA_DGPU))));
        Result r = main("run", skill.toString(), "--no-pacing", "--workspace", ws.toString(), "--no-tensorrt");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("model node detector: ultraface (version-RFB-320.onnx): requested GPU, running CPU:"
                + " TensorRT: turned off (--no-tensorrt); CUDA: not in this build"), r.err());
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

    /** A skill reading the test video in a loop: a run that never ends by itself. */
    private static Path loopingSkill(String name, int fps) throws Exception {
        Path file = dir.resolve(name + ".skill.json");
        Files.writeString(file, new SkillJson(NodeCatalog.standard()).write(TestSkills.fileCamera(video, true)
                .fps(fps).node("filter", FilterNode.ID, "camera").build()));
        return file;
    }

    @Test
    void ctrlCFinishesTheFrameWritesTheSummaryAndExits130WithCompleteFiles() throws Exception {
        Path looping = loopingSkill("loop", 30);
        Path out = dir.resolve("ctrl-c/insights.jsonl");
        Path err = dir.resolve("ctrl-c.err");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "run", looping.toString(), "--out", out.toString())
                .redirectError(err.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            // Flushed per frame: lines show up while the run goes on.
            while (!(Files.exists(out) && Files.readAllLines(out).size() >= 20)) {
                assertTrue(p.isAlive() && System.nanoTime() < deadline, "no insights while running: "
                        + (Files.exists(err) ? Files.readString(err) : ""));
                Thread.sleep(100);
            }
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start();
            assertEquals(0, kill.waitFor());
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "Ctrl-C did not end the run");
        } finally {
            p.destroyForcibly();
        }
        String log = Files.readString(err);
        assertEquals(130, p.exitValue(), log);
        String text = Files.readString(out);
        assertTrue(text.endsWith("\n"), "last line cut: " + text.substring(Math.max(0, text.length() - 80)));
        List<String> lines = text.lines().toList();
        for (String line : lines) {
            JsonParser.parseString(line).getAsJsonObject(); // every line complete JSON
        }
        assertTrue(log.contains("skill test-skill: " + lines.size() + " frames"), log);
        assertTrue(log.contains("stopped by signal"), log);
    }

    @Test
    void framesNIsExactlyNAndTheSummarySaysSo() throws Exception {
        Path looping = loopingSkill("loop60", 60);
        Path out = dir.resolve("exact/insights.jsonl");
        Result r = main("run", looping.toString(), "--frames", "45", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(45, Files.readAllLines(out).size());
        assertTrue(r.err().contains("skill test-skill: 45 frames"), r.err());
    }

    @Test
    void aCameraThatNeverAnswersEndsTheRunWithExit4OnlyWhenAGiveUpTimeIsSet() throws Exception {
        int deadPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            deadPort = s.getLocalPort();
        }
        String url = "rtsp://127.0.0.1:" + deadPort + "/cam?transport=udp";
        Result r = main("run", skillFile.toString(), "--source", url, "--give-up-after", "2");
        assertEquals(4, r.code(), r.err());
        assertTrue(r.err().contains("connection refused") && r.err().contains("next attempt at"), r.err());
        assertEquals(1, r.err().lines().filter(l -> l.startsWith("error:")).count(), "printed once: " + r.err());
        assertEquals(2, main("run", skillFile.toString(), "--rtsp-transport", "udp").code());
        assertEquals(2, main("run", skillFile.toString(), "--source", url, "--rtsp-transport", "sctp").code());
    }

    @Test
    void aTextFileOrATruncatedVideoIsASourceFailure() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.txt"), "not a video\n".repeat(200));
        Result txt = main("run", skillFile.toString(), "--source", text.toString(), "--no-pacing");
        assertEquals(4, txt.code(), txt.err());
        assertTrue(txt.err().contains("not a video file"), txt.err());
        assertEquals(1, txt.err().lines().filter(l -> l.startsWith("error:")).count(), "printed once: " + txt.err());

        byte[] whole = Files.readAllBytes(video);
        Path cut = Files.write(dir.resolve("cut.mp4"), java.util.Arrays.copyOf(whole, whole.length / 2));
        Result truncated = main("run", skillFile.toString(), "--source", cut.toString(), "--no-pacing");
        assertEquals(4, truncated.code(), truncated.err());
    }

    @Test
    void aSkillInItsWorkspaceFindsItsModelsAndABrokenUnrelatedModelFileIsOnlyReported() throws Exception {
        Path shared = Path.of(System.getProperty("sd.shared.dir", "../shared"));
        Path ws = dir.resolve("ws2");
        Path models = Files.createDirectories(ws.resolve("models"));
        Path skills = Files.createDirectories(ws.resolve("skills"));
        Path faces = TestVideos.stillImage(ws.resolve("faces.mp4"), shared.resolve("media/faces/1.jpg"), 2, 640, 480,
                10);
        writeModel(models, "ultraface", shared.resolve("models/ultraface/version-RFB-320.onnx").toAbsolutePath());
        Files.writeString(models.resolve("other.model.json"), "{ this is not json");
        Path skill = writeSkill(skills, "faces", faces, "ultraface");
        Result r = main("run", skill.toString(), "--no-pacing");
        assertEquals(0, r.code(), r.err());
        assertEquals(2, r.out().lines().count(), r.err());
        assertTrue(r.err().contains("warning: model file skipped: ") && r.err().contains("other.model.json"), r.err());
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

    /**
     * {@code inspect --image} prints what the model finds there: YOLOX-Nano's boxes on the COCO dog photo in image
     * pixels, each one as the independent reference (onnxruntime for Python + numpy) has it; SqueezeNet's top classes
     * on the kitten.
     */
    @Test
    void inspectWithAnImageListsWhatTheModelFindsThere() throws Exception {
        Path shared = Path.of(System.getProperty("sd.shared.dir", "../shared"));
        Result yolox = main("inspect", shared.resolve("models/yolox/yolox-nano-416.onnx").toString(),
                "--labels", "src/test/resources/models/coco80_labels.txt",
                "--image", shared.resolve("media/coco/dog.jpg").toString());
        assertEquals(0, yolox.code(), yolox.err());
        assertTrue(yolox.out().contains("(768x576) with the proposed decoder: yolox-nano-416.onnx on CPU in "),
                yolox.out());
        java.util.regex.Pattern line = java.util.regex.Pattern.compile(
                "^  (\\S+) ([0-9.]+) box (\\d+),(\\d+) - (\\d+),(\\d+) px", java.util.regex.Pattern.MULTILINE);
        List<double[]> printed = new java.util.ArrayList<>();
        List<String> printedLabels = new java.util.ArrayList<>();
        java.util.regex.Matcher m = line.matcher(yolox.out());
        while (m.find()) {
            printedLabels.add(m.group(1));
            printed.add(new double[] {Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)),
                    Double.parseDouble(m.group(4)), Double.parseDouble(m.group(5)), Double.parseDouble(m.group(6))});
        }
        com.google.gson.JsonArray reference = JsonParser.parseString(Files.readString(
                        shared.resolve("models/reference-outputs.json"))).getAsJsonObject().getAsJsonObject("models")
                .getAsJsonObject("yolox/yolox-nano-416.onnx").getAsJsonArray("coco/dog.jpg");
        assertEquals(reference.size(), printed.size(), yolox.out());
        for (int i = 0; i < reference.size(); i++) {
            JsonObject ref = reference.get(i).getAsJsonObject();
            assertEquals(ref.get("label").getAsString(), printedLabels.get(i), yolox.out());
            assertEquals(ref.get("confidence").getAsDouble(), printed.get(i)[0], 0.0105, yolox.out());
            com.google.gson.JsonArray box = ref.getAsJsonArray("box");
            for (int k = 0; k < 4; k++) {
                assertEquals(box.get(k).getAsDouble(), printed.get(i)[k + 1], 2.0,
                        "box of " + ref + ": " + yolox.out());
            }
        }

        Result squeezenet = main("inspect", shared.resolve("models/squeezenet/squeezenet1.1-fp16.onnx").toString(),
                "--labels", shared.resolve("models/squeezenet/labels.txt").toString(),
                "--image", shared.resolve("media/imagenet/kitten_224.png").toString());
        assertEquals(0, squeezenet.code(), squeezenet.err());
        List<String> classes = squeezenet.out().lines().filter(l -> l.matches("^  .* [0-9.]+ \\(class \\d+\\)$"))
                .toList();
        assertEquals(5, classes.size(), squeezenet.out());
        assertTrue(classes.get(0).startsWith("  tabby, tabby cat ") && classes.get(0).endsWith("(class 281)"),
                squeezenet.out());
    }

    @Test
    void inspectWithAnImageItCannotRunOnSaysWhyAfterTheReport(@TempDir Path dir) throws Exception {
        Path shared = Path.of(System.getProperty("sd.shared.dir", "../shared"));
        Path threeLabels = Files.writeString(dir.resolve("three.txt"), "a\nb\nc\n");
        Result r = main("inspect", shared.resolve("models/squeezenet/squeezenet1.1-fp32.onnx").toString(),
                "--labels", threeLabels.toString(), "--image", shared.resolve("media/imagenet/fish.png").toString());
        assertEquals(5, r.code(), r.out());
        assertTrue(r.out().contains("Layout: CLASSIFICATION") && r.out().contains("WARNING"), r.out());
        assertTrue(r.err().contains("1000 classes but the label file has 3 labels"), r.err());
    }
}
