package io.skilldesigner.engine.model;

import static io.skilldesigner.engine.model.TestModels.assertBox;
import static io.skilldesigner.engine.model.TestModels.model;
import static io.skilldesigner.engine.model.TestModels.px;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.skilldesigner.core.model.OutputLayout;
import io.skilldesigner.engine.frame.BBox;
import io.skilldesigner.engine.frame.DetectedObject;

/**
 * Every detection layout decoded from the generated models (real ONNX Runtime), with exactly known boxes: the
 * models find the one saturated square in a synthetic frame and add constant rows (see make_test_models.py).
 */
class LayoutDecodersTest {
    private static final double TOL = 1e-4;
    private static ModelSessions sessions;

    @BeforeAll
    static void open() {
        sessions = new ModelSessions(new SessionSettings(1, 1));
    }

    @AfterAll
    static void close() {
        sessions.close();
    }

    private static List<DetectedObject> detect(String file, String labels, Mat frame, OutputLayout expectedLayout) {
        try (ModelRunner r = ModelRunner.load(sessions, ModelSpec.of(model(file), model(labels)))) {
            assertEquals(expectedLayout, r.layout(), "detected layout of " + file + ": " + r.io().layoutEvidence());
            return r.detect(frame);
        }
    }

    /**
     * 640x480 frame, red square at (100,120) size 80, letterboxed into 320x320 (scale 0.5, 40 px bars top and
     * bottom): model pixels x 50..90, y 100..140, mapped back exactly.
     */
    private static void assertYoloResult(List<DetectedObject> found) {
        assertEquals(3, found.size(), "red square, green and blue constant boxes (dup removed by NMS, 0.05 dropped): "
                + found);
        DetectedObject red = found.get(0);
        assertEquals("red", red.label());
        assertEquals(0.9f, red.confidence(), 1e-5);
        assertBox(px(100, 120, 80, 80, 640, 480), red.bbox(), TOL);
        // constant rows: model box 30..50 (both axes) -> frame x 60..100, y (30-40)*2=-20 (clamped 0)..20
        DetectedObject green = found.get(1);
        assertEquals("green", green.label());
        assertEquals(0.6f, green.confidence(), 1e-5);
        assertBox(px(60, 0, 40, 20, 640, 480), green.bbox(), TOL);
        DetectedObject blue = found.get(2);
        assertEquals("blue", blue.label(), "same box as green but another class: class-wise NMS keeps it");
        assertEquals(0.5f, blue.confidence(), 1e-5);
        assertBox(green.bbox(), blue.bbox(), TOL);
    }

    @Test
    void yolov5RowsWithObjectness() {
        assertYoloResult(detect("yolov5_test.onnx", "rgb_labels.txt",
                TestModels.frameWithSquare(640, 480, 100, 120, 80, TestModels.RED), OutputLayout.YOLOV5));
    }

    @Test
    void yolov8ChannelsFirst() {
        assertYoloResult(detect("yolov8_test.onnx", "rgb_labels.txt",
                TestModels.frameWithSquare(640, 480, 100, 120, 80, TestModels.RED), OutputLayout.YOLOV8));
    }

    @Test
    void noObjectNoDetectionOfTheSquare() {
        List<DetectedObject> found = detect("yolov5_test.onnx", "rgb_labels.txt",
                TestModels.solid(640, 480, new org.bytedeco.opencv.opencv_core.Scalar(30, 30, 30, 0)),
                OutputLayout.YOLOV5);
        assertEquals(List.of("green", "blue"), found.stream().map(DetectedObject::label).toList());
    }

    @Test
    void oneRunnerManyFramesReusesItsBuffers() {
        try (ModelRunner r = ModelRunner.load(sessions, ModelSpec.of(model("yolov8_test.onnx"), model("rgb_labels.txt")))) {
            for (int i = 0; i < 5; i++) {
                int x = 40 + 60 * i;
                List<DetectedObject> found = r.detect(TestModels.frameWithSquare(640, 480, x, 200, 40,
                        i % 2 == 0 ? TestModels.GREEN : TestModels.BLUE));
                assertEquals(i % 2 == 0 ? "green" : "blue", found.get(0).label(), "frame " + i);
                assertBox(px(x, 200, 40, 40, 640, 480), found.get(0).bbox(), TOL);
            }
            assertEquals(5, r.times().runs());
        }
    }

    @Test
    void nmsIncludedCornersAndClassIndex() {
        List<DetectedObject> found = detect("nms_included_test.onnx", "rgb_labels.txt",
                TestModels.frameWithSquare(640, 480, 100, 120, 80, TestModels.BLUE), OutputLayout.NMS_INCLUDED);
        assertEquals(2, found.size(), found.toString());
        assertEquals("blue", found.get(0).label());
        assertEquals(0.9f, found.get(0).confidence(), 1e-5);
        assertBox(px(100, 120, 80, 80, 640, 480), found.get(0).bbox(), TOL);
        assertEquals("green", found.get(1).label());
        assertBox(px(60, 0, 40, 20, 640, 480), found.get(1).bbox(), TOL);
    }

    @Test
    void ssdUint8NhwcHonoursCount() {
        // 600x600 frame resized (not letterboxed) to 300x300: green square 150..250
        List<DetectedObject> found = detect("ssd_test.onnx", "rgb_labels.txt",
                TestModels.frameWithSquare(600, 600, 150, 150, 100, TestModels.GREEN), OutputLayout.SSD);
        assertEquals(2, found.size(), "the third row (0.99) is beyond num_detections: " + found);
        assertEquals("green", found.get(0).label());
        assertEquals(0.9f, found.get(0).confidence(), 1e-5);
        assertBox(new BBox(0.25f, 0.25f, 1 / 6f, 1 / 6f), found.get(0).bbox(), TOL);
        assertEquals("blue", found.get(1).label());
        assertEquals(0.7f, found.get(1).confidence(), 1e-5);
        assertBox(new BBox(0.1f, 0.1f, 0.2f, 0.1f), found.get(1).bbox(), TOL);
    }

    @Test
    void ultraFaceScoresAndCornerBoxes() {
        // 640x480 resized to 320x240: blue square 200..280 x 100..180
        List<DetectedObject> found = detect("ultraface_test.onnx", "face_labels.txt",
                TestModels.frameWithSquare(640, 480, 200, 100, 80, TestModels.BLUE), OutputLayout.ULTRAFACE);
        assertEquals(2, found.size(), "square + constant face; shifted duplicate removed at IoU 0.3: " + found);
        assertEquals("face", found.get(0).label());
        assertEquals(0.9f, found.get(0).confidence(), 1e-5);
        assertBox(px(200, 100, 80, 80, 640, 480), found.get(0).bbox(), TOL);
        assertEquals(0.8f, found.get(1).confidence(), 1e-5);
        assertBox(new BBox(0.05f, 0.05f, 0.1f, 0.15f), found.get(1).bbox(), TOL);
    }

    @Test
    void yoloGridAsKanDecodesCustomVision() {
        List<DetectedObject> found = detect("yolo_grid_test.onnx", "grid_labels.txt",
                TestModels.solid(832, 832, new org.bytedeco.opencv.opencv_core.Scalar(10, 20, 30, 0)),
                OutputLayout.YOLO_GRID);
        assertEquals(20, found.size(), "KAN keeps at most 20");
        // cell (row 4, col 6), anchor 2 (3.34, 5.47): tx=ty=0, tw=ln 2, th=0, objectness 2, logits (3, 0)
        double p1 = sigmoid(2) * Math.exp(3) / (Math.exp(3) + 1);
        double w1 = 2 * 3.34 / 13;
        double h1 = 5.47 / 13;
        DetectedObject apple = found.get(0);
        assertEquals("apple", apple.label());
        assertEquals(p1, apple.confidence(), 1e-5);
        assertBox(new BBox((float) (6.5 / 13 - w1 / 2), (float) (4.5 / 13 - h1 / 2), (float) w1, (float) h1),
                apple.bbox(), TOL);
        // cell (10, 2), anchor 0 (0.573, 0.677): tx 1, ty -1, tw 0.5, th 0.2, objectness 0, logits (0, 4)
        double p2 = 0.5 * Math.exp(4) / (Math.exp(4) + 1);
        double cx = (sigmoid(1) + 2) / 13;
        double cy = (sigmoid(-1) + 10) / 13;
        double w2 = Math.exp(0.5) * 0.573 / 13;
        double h2 = Math.exp(0.2) * 0.677 / 13;
        DetectedObject banana = found.get(1);
        assertEquals("banana", banana.label());
        assertEquals(p2, banana.confidence(), 1e-5);
        assertBox(new BBox((float) (cx - w2 / 2), (float) (cy - h2 / 2), (float) w2, (float) h2), banana.bbox(), TOL);
        // the neighbour of the apple cell (overlaps it) is gone; the rest are the 0.2369 fillers
        double filler = sigmoid(-1) * Math.exp(2) / (Math.exp(2) + 1);
        for (DetectedObject d : found.subList(2, 20)) {
            assertEquals(filler, d.confidence(), 1e-5, d.toString());
            assertTrue(d.bbox().w() < 0.05, "filler boxes are small: " + d);
        }
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
