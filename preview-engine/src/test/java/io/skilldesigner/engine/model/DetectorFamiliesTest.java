package io.skilldesigner.engine.model;

import static io.skilldesigner.engine.model.TestModels.model;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.skilldesigner.core.catalog.EffectiveSettings;
import io.skilldesigner.core.catalog.nodes.ModelNode;
import io.skilldesigner.core.io.ModelJson;
import io.skilldesigner.core.model.DecoderSettings;
import io.skilldesigner.core.model.ModelDescriptor;
import io.skilldesigner.core.model.ModelIo;
import io.skilldesigner.core.model.OutputLayout;
import io.skilldesigner.engine.frame.DetectedObject;

/**
 * Detector families with no small real model here, as generated models whose constant outputs follow each
 * family's published convention (make_test_models.py): exact boxes, names from the metadata, the border, empty
 * outputs, stale rows past a count, dynamic batch, and how recognition settles (or says "ambiguous").
 * Frames are black and of the model's input size, so boxes map 1:1 to input pixels.
 */
class DetectorFamiliesTest {
    private static ModelSessions sessions;

    @BeforeAll
    static void open() {
        sessions = new ModelSessions();
    }

    @AfterAll
    static void close() {
        sessions.close();
    }

    private static ModelRunner load(String file) {
        return ModelRunner.load(sessions, ModelSpec.of(model(file), null));
    }

    private static List<DetectedObject> detect(ModelRunner r, int w, int h, double threshold) {
        try (Mat black = TestModels.solid(w, h, new org.bytedeco.opencv.opencv_core.Scalar(0, 0, 0, 0))) {
            return r.detect(black, threshold);
        }
    }

    /** Asserts one detection: label, score and the box in pixels of a w x h frame. */
    private static void assertDet(DetectedObject d, String label, double score, double x1, double y1, double x2,
                                  double y2, int w, int h) {
        assertEquals(label, d.label(), d.toString());
        assertEquals(score, d.confidence(), 1e-4, d.toString());
        assertEquals(x1, d.bbox().l() * w, 0.05, "x1 of " + d);
        assertEquals(y1, d.bbox().t() * h, 0.05, "y1 of " + d);
        assertEquals(x2, d.bbox().right() * w, 0.05, "x2 of " + d);
        assertEquals(y2, d.bbox().bottom() * h, 0.05, "y2 of " + d);
    }

    @Test
    void yolov8WithNamesInItsMetadata() {
        for (String file : List.of("yolov8_names_test.onnx", "yolov8_transposed_test.onnx")) {
            try (ModelRunner r = load(file)) {
                assertEquals(OutputLayout.YOLOV8, r.layout(), r.io().layoutEvidence());
                assertEquals(List.of("cat", "dog"), r.labels());
                assertEquals("model metadata 'names'", r.namesSource());
                assertEquals(0.25, r.settings().scoreThreshold(), "YOLO's usual threshold");
                List<DetectedObject> found = r.detect(blackFrame(320, 320));
                assertEquals(2, found.size(), file + ": " + found);
                assertDet(found.get(0), "dog", 0.8, 80, 90, 120, 150, 320, 320);
                // (-10,-10)-(30,30) at the border: clipped, never a negative corner
                assertDet(found.get(1), "cat", 0.6, 0, 0, 30, 30, 320, 320);
                assertTrue(r.clippedBoxes() >= 1, "the clipped box is counted");
                List<DetectedObject> low = detect(r, 320, 320, 0.05);
                assertEquals(3, low.size(), "the node's threshold goes below the decoder's 0.25: " + low);
                assertDet(low.get(2), "cat", 0.1, 175, 175, 225, 225, 320, 320);
            }
        }
    }

    private static Mat blackFrame(int w, int h) {
        return TestModels.solid(w, h, new org.bytedeco.opencv.opencv_core.Scalar(0, 0, 0, 0));
    }

    @Test
    void transposedRowsWithoutNamesAreAmbiguous() {
        ModelIo io = new ModelInspector(sessions).inspect("x", model("yolov8_transposed_nonames_test.onnx"));
        assertTrue(io.layoutEvidence().startsWith("ambiguous: "), io.layoutEvidence());
        assertTrue(io.layoutEvidence().contains("YOLOV5") && io.layoutEvidence().contains("YOLOV8"),
                io.layoutEvidence());
        assertTrue(io.layoutEvidence().contains("YOLOX rejected"), "YOLOX's reading gives boxes off the image: "
                + io.layoutEvidence());
        assertEquals(0.5, io.layoutConfidence(), "never 0.95 for a guess");
        // the user settles it: layout YOLOV8 chosen, the rest filled from the defaults
        DecoderSettings chosen = partial("{\"layout\": \"YOLOV8\"}");
        try (ModelRunner r = ModelRunner.load(sessions, ModelSpec.of(model("yolov8_transposed_nonames_test.onnx"),
                null).withDecoder(chosen))) {
            List<DetectedObject> found = r.detect(blackFrame(320, 320));
            assertEquals(2, found.size(), found.toString());
            assertDet(found.get(0), "class 1", 0.8, 80, 90, 120, 150, 320, 320);
        }
    }

    @Test
    void partialDecoderSettingsMergeWithTheRecognisedDefaults() {
        DecoderSettings only = partial("{\"scoreThreshold\": 0.05}");
        try (ModelRunner r = ModelRunner.load(sessions, ModelSpec.of(model("yolov8_names_test.onnx"), null)
                .withDecoder(only))) {
            assertEquals(320, r.settings().inputWidth(), "filled from the model");
            assertTrue(r.settings().letterbox() && r.settings().rgb());
            assertEquals(0.05, r.settings().scoreThreshold());
            assertEquals(3, r.detect(blackFrame(320, 320)).size());
        }
    }

    private static DecoderSettings partial(String decoderJson) {
        String text = "{\"formatVersion\": 1, \"id\": \"m\", \"task\": \"detection\", \"decoder\": " + decoderJson
                + "}";
        try {
            ModelDescriptor d = new ModelJson().read(text, "test.model.json");
            return d.decoder();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void nmsIncludedRowsOfSeven() {
        try (ModelRunner r = load("nms7_test.onnx")) {
            assertEquals(OutputLayout.NMS_INCLUDED, r.layout(), r.io().layoutEvidence());
            List<DetectedObject> found = r.detect(blackFrame(640, 640));
            assertEquals(2, found.size(), found.toString());
            assertDet(found.get(0), "car", 0.9, 50, 60, 150, 200, 640, 640);
            assertDet(found.get(1), "person", 0.4, 300, 300, 330, 340, 640, 640);
        }
        try (ModelRunner r = load("nms7_empty_test.onnx")) {
            assertEquals(List.of(), r.detect(blackFrame(640, 640)), "an empty output is no detection, not an error");
        }
    }

    @Test
    void efficientNmsHonoursTheCount() {
        try (ModelRunner r = load("efficient_nms_test.onnx")) {
            assertEquals(OutputLayout.NMS_INCLUDED, r.layout(), r.io().layoutEvidence());
            List<DetectedObject> found = r.detect(blackFrame(640, 640));
            assertEquals(2, found.size(), "the 0.99 row past num_dets = 2 is stale: " + found);
            assertDet(found.get(0), "car", 0.95, 10, 20, 110, 220, 640, 640);
            assertDet(found.get(1), "person", 0.5, 400, 400, 640, 640, 640, 640);
        }
    }

    @Test
    void fastestDetSingleScaleGrid() {
        java.nio.file.Path coco = model("coco80_labels.txt");
        try (ModelRunner r = ModelRunner.load(sessions, ModelSpec.of(model("fastestdet_test.onnx"), coco))) {
            assertEquals(OutputLayout.ANCHOR_FREE_GRID, r.layout(), r.io().layoutEvidence());
            List<DetectedObject> found = r.detect(blackFrame(352, 352));
            assertEquals(1, found.size(), found.toString());
            // cx = (0.5 + 7) / 22, cy = 5 / 22, w = 0.5, h = 0.25 of 352; score 0.9^0.6 * 0.9^0.4
            double cx = 7.5 / 22 * 352;
            double cy = 5.0 / 22 * 352;
            assertDet(found.get(0), "motorcycle", 0.9, cx - 88, cy - 44, cx + 88, cy + 44, 352, 352);
        }
    }

    @Test
    void decodedUltraFaceWithThreeClasses() {
        try (ModelRunner r = ModelRunner.load(sessions, ModelSpec.of(model("ultraface3_test.onnx"),
                model("mask_labels.txt")))) {
            assertEquals(OutputLayout.ULTRAFACE, r.layout(), r.io().layoutEvidence());
            assertTrue(r.io().layoutEvidence().contains("ULTRAFACE_RAW rejected"), r.io().layoutEvidence());
            List<DetectedObject> found = r.detect(blackFrame(320, 240));
            assertEquals(1, found.size(), found.toString());
            assertDet(found.get(0), "masked_face", 0.85, 80, 60, 160, 180, 320, 240);
        }
    }

    @Test
    void nodeThresholdDefaultsToTheModelsOwn() {
        ModelNodeSettings unset = ModelNodeSettings.from(EffectiveSettings.of(new ModelNode(), "n", Map.of("modelId", "m")));
        assertEquals(0.25, unset.threshold(0.25));
        ModelNodeSettings set = ModelNodeSettings.from(
                EffectiveSettings.of(new ModelNode(), "n", Map.of("modelId", "m", "confidence", 0.05)));
        assertEquals(0.05, set.threshold(0.25));
    }

    @Test
    void aLabelFileOverridesTheModelsNamesWithACountCheck() {
        try (ModelRunner r = ModelRunner.load(sessions, ModelSpec.of(model("yolov8_names_test.onnx"),
                model("grid_labels.txt")))) {
            assertEquals(List.of("apple", "banana"), r.labels());
            assertEquals("label file grid_labels.txt", r.namesSource());
            assertEquals("banana", r.detect(blackFrame(320, 320)).get(0).label());
        }
        ModelException e = org.junit.jupiter.api.Assertions.assertThrows(ModelException.class, () -> ModelRunner.load(
                sessions, ModelSpec.of(model("yolov8_names_test.onnx"), model("rgb_labels.txt"))));
        assertTrue(e.getMessage().contains("has 2 classes but the label file has 3 labels"), e.getMessage());
        assertTrue(e.getMessage().contains("label file rgb_labels.txt"), e.getMessage());
    }
}
