package io.skilldesigner.engine.model;

import static io.skilldesigner.engine.model.TestModels.model;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.skilldesigner.core.model.DecoderSettings;
import io.skilldesigner.core.model.ModelIo;
import io.skilldesigner.core.model.OutputLayout;
import io.skilldesigner.core.model.TensorInfo;

/** Inspection of real and generated models: IO, layout recognition, proposed decoder settings, labels, report. */
class ModelInspectorTest {
    private static final Path MODELS = TestModels.shared().resolve("models");
    private static ModelSessions sessions;

    @BeforeAll
    static void open() {
        sessions = new ModelSessions(new SessionSettings(1, 1));
    }

    @AfterAll
    static void close() {
        sessions.close();
    }

    private static ModelIo io(Path file) {
        return new ModelInspector(sessions).inspect(file.getFileName().toString(), file);
    }

    private static DecoderSettings proposed(Path file) {
        ModelSession s = sessions.open("m", file, false);
        return DecoderDefaults.propose(io(file), null, ModelInspector.metadata("m", s));
    }

    @ParameterizedTest
    @CsvSource({
            "yolov5_test.onnx, YOLOV5", "yolov8_test.onnx, YOLOV8", "nms_included_test.onnx, NMS_INCLUDED",
            "ssd_test.onnx, SSD", "ultraface_test.onnx, ULTRAFACE", "yolo_grid_test.onnx, YOLO_GRID",
            "colour_classifier_logits.onnx, CLASSIFICATION", "colour_classifier_nhwc_u8.onnx, CLASSIFICATION",
            "colour_classifier_fp16.onnx, CLASSIFICATION", "demo_ball_detector.onnx, YOLOV8",
            "demo_colour_classifier.onnx, CLASSIFICATION", "bench_yolo640.onnx, YOLOV5"})
    void recognisesGeneratedModels(String file, OutputLayout expected) {
        ModelIo io = io(model(file));
        assertEquals(expected, io.detectedLayout(), io.layoutEvidence());
        assertTrue(io.layoutConfidence() >= 0.7, io.toString());
        assertFalse(io.layoutEvidence().isBlank());
    }

    @Test
    void realModels() {
        ModelIo uf = io(MODELS.resolve("ultraface/version-RFB-640.onnx"));
        assertEquals(OutputLayout.ULTRAFACE, uf.detectedLayout());
        assertEquals(new TensorInfo("input", "FLOAT", List.of(1L, 3L, 480L, 640L)), uf.inputs().get(0));
        assertEquals(List.of(1L, 17640L, 2L), uf.outputs().get(0).shape());
        ModelIo sq = io(MODELS.resolve("squeezenet/squeezenet1.1-fp16.onnx"));
        assertEquals(OutputLayout.CLASSIFICATION, sq.detectedLayout());
        assertEquals("FLOAT16", sq.inputs().get(0).elementType());
        assertEquals("data_0", sq.inputs().get(0).name());
    }

    @Test
    void proposedSettingsFollowTheModelFamily() {
        DecoderSettings uf = proposed(MODELS.resolve("ultraface/version-RFB-320.onnx"));
        assertEquals(320, uf.inputWidth());
        assertEquals(240, uf.inputHeight());
        assertTrue(uf.rgb() && uf.nchw() && !uf.letterbox());
        assertEquals(List.of(127.0, 127.0, 127.0), uf.mean());
        assertEquals(List.of(128.0, 128.0, 128.0), uf.std());

        DecoderSettings sq = proposed(MODELS.resolve("squeezenet/squeezenet1.1-fp32.onnx"));
        assertFalse(sq.rgb(), "Caffe2 SqueezeNet takes BGR");
        assertEquals(1.0, sq.scale());
        assertEquals(List.of(0.0, 0.0, 0.0), sq.mean());

        DecoderSettings grid = proposed(model("yolo_grid_test.onnx"));
        assertFalse(grid.rgb());
        assertEquals(1.0, grid.scale());
        assertEquals(0.10, grid.scoreThreshold());
        assertEquals(0.45, grid.iouThreshold());
        assertEquals(20, grid.maxDetections());
        assertEquals(DecoderSettings.CUSTOM_VISION_ANCHORS, grid.anchors());

        DecoderSettings yolo = proposed(model("yolov5_test.onnx"));
        assertTrue(yolo.letterbox() && yolo.rgb());
        assertEquals(1 / 255.0, yolo.scale(), 1e-12);

        DecoderSettings ssd = proposed(model("ssd_test.onnx"));
        assertFalse(ssd.nchw(), "NHWC input [1,300,300,3]");
        assertEquals(1.0, ssd.scale(), "uint8 input is fed raw");

        DecoderSettings hinted = proposed(model("demo_colour_classifier.onnx"));
        assertEquals(1 / 255.0, hinted.scale(), 1e-9, "from the model's sd.scale metadata");
        assertEquals(List.of(0.0, 0.0, 0.0), hinted.mean());
    }

    @Test
    void layoutRulesOnDeclaredShapes() {
        List<TensorInfo> in640 = List.of(new TensorInfo("images", "FLOAT", List.of(1L, 3L, 640L, 640L)));
        LayoutGuess v5 = LayoutDetector.detect(in640, List.of(out(1, 25200, 85)));
        assertEquals(OutputLayout.YOLOV5, v5.layout());
        assertEquals(0.95, v5.confidence());
        LayoutGuess v8 = LayoutDetector.detect(in640, List.of(out(1, 84, 8400)));
        assertEquals(OutputLayout.YOLOV8, v8.layout());
        assertTrue(v8.evidence().contains("C=80"), v8.evidence());
        assertEquals(OutputLayout.YOLOV5, LayoutDetector.detect(in640, List.of(out(1, 25200, 6))).layout(),
                "one-class YOLOv5 has rows of 6 too; N gives it away");
        assertEquals(OutputLayout.NMS_INCLUDED, LayoutDetector.detect(in640, List.of(out(1, 300, 6))).layout());
        assertEquals(OutputLayout.YOLOV5, LayoutDetector.detect(in640, List.of(out(1, -1, 85))).layout());
        assertEquals(OutputLayout.CLASSIFICATION, LayoutDetector.detect(in640, List.of(out(1, 1000))).layout());
        assertEquals(OutputLayout.YOLO_GRID, LayoutDetector.detect(in640, List.of(out(1, 125, 13, 13))).layout());
        LayoutGuess none = LayoutDetector.detect(in640, List.of(out(1, 2, 3)));
        assertNull(none.layout());
        assertEquals(0.0, none.confidence());
    }

    private static TensorInfo out(long... dims) {
        return new TensorInfo("o", "FLOAT", java.util.Arrays.stream(dims).boxed().toList());
    }

    @Test
    void labelFiles() {
        assertEquals(List.of("tench, Tinca tinca", "goldfish"), LabelFile.parse(List.of("0,tench, Tinca tinca",
                "1,goldfish")));
        assertEquals(List.of("person", "bicycle"), LabelFile.parse(List.of("\uFEFFperson", "", "bicycle  ")));
        assertEquals(List.of("1,2-dimethyl", "0,other"), LabelFile.parse(List.of("1,2-dimethyl", "0,other")),
                "indices not counting from 0: plain labels");
        List<String> sq = LabelFile.read(MODELS.resolve("squeezenet/labels.txt"));
        assertEquals(1000, sq.size());
        assertEquals("tabby, tabby cat", sq.get(281));
        assertEquals("tabby", LabelFile.shortName(sq.get(281)));
    }

    @Test
    void inspectReportForTheCli() {
        String r = new ModelInspectReport(sessions).report(model("colour_classifier_nhwc_u8.onnx"),
                model("rgb_labels.txt"));
        assertTrue(r.contains("input UINT8 [1, 64, 64, 3]"), r);
        assertTrue(r.contains("Layout: CLASSIFICATION (confidence 0.90)"), r);
        assertTrue(r.contains("WARNING: the model's CLASSIFICATION output has 4 classes but the label file has 3"), r);
        assertTrue(r.contains("NHWC RGB"), r);
        assertTrue(r.contains("Providers in this build: [CPU"), r);
        String grid = new ModelInspectReport(sessions).report(model("yolo_grid_test.onnx"), model("grid_labels.txt"));
        assertTrue(grid.contains("YOLO_GRID") && grid.contains("(match)") && grid.contains("anchors [0.573"), grid);
    }

    @Test
    void descriptorsGetIoChecksumAndProposedDecoder() {
        io.skilldesigner.core.model.ModelDescriptor d = new io.skilldesigner.core.model.ModelDescriptor("uf", "faces",
                io.skilldesigner.core.model.ModelTask.DETECTION, null,
                io.skilldesigner.core.model.FileLocation.local("ultraface/version-RFB-320.onnx"), null, "", List.of(),
                null, null, null);
        io.skilldesigner.core.model.ModelDescriptor filled = ModelDescriptors.inspect(sessions, d, MODELS);
        assertEquals(OutputLayout.ULTRAFACE, filled.io().detectedLayout());
        assertEquals(OutputLayout.ULTRAFACE, filled.decoder().layout());
        assertEquals(0.7, filled.decoder().scoreThreshold());
        assertTrue(filled.sha256().startsWith("34cd7e60"), "MANIFEST.md's checksum: " + filled.sha256());
    }

    @Test
    void checksumKeysTheCache() throws Exception {
        ModelSession a = sessions.open("a", model("yolov8_test.onnx"), false);
        ModelSession b = sessions.open("b", model("yolov8_test.onnx").toAbsolutePath(), false);
        assertTrue(a == b, "same file, same session");
        assertEquals(ModelSessions.sha256(model("yolov8_test.onnx")), a.sha256());
        assertEquals(64, a.sha256().length());
        assertTrue(Map.of("k", a.provider().provider()).containsValue("CPU"));
    }
}
