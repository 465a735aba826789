package io.skilldesigner.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtSession;
import io.skilldesigner.engine.frame.DetectedObject;

/**
 * Batching on a real model: a dynamic-batch copy of the shared YOLOX-Nano (made by make_batch_models.py) gives,
 * for four real street frames run as one [4,3,416,416] batch, the outputs of four single runs; and four streams
 * sharing its session, whose frames are batched four at a time, get the detections each frame gets alone.
 */
class RealModelBatchingTest {
    private static final int STREAMS = BatchedRunsTest.STREAMS;
    private static final List<Mat> frames = new ArrayList<>();
    private static Path model;
    private static ModelSpec spec;

    @BeforeAll
    static void modelAndFrames() throws Exception {
        model = BatchModels.dynamicBatchCopy(TestModels.shared().resolve("models/yolox/yolox-nano-416.onnx"));
        spec = ModelSpec.of(model, Path.of("src/test/resources/models/coco80_labels.txt"));
        // four different scenes of the real street video: frames 0, 60, 120, 180
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(
                TestModels.shared().resolve("media/video/one-by-one-person-detection.mp4").toFile());
             OpenCVFrameConverter.ToMat conv = new OpenCVFrameConverter.ToMat()) {
            g.start();
            for (int i = 0; frames.size() < STREAMS; i++) {
                Frame f = g.grabImage();
                if (i % 60 == 0) {
                    frames.add(conv.convert(f).clone());
                }
            }
        }
    }

    @AfterAll
    static void release() {
        frames.forEach(Mat::close);
    }

    @Test
    void theCopyDeclaresADynamicBatchAndABatchOfFourEqualsFourSingleRuns() throws Exception {
        try (ModelSessions sessions = new ModelSessions(new SessionSettings(1, 1, 1));
             ModelRunner runner = ModelRunner.load(sessions, spec)) {
            assertTrue(runner.io().inputs().get(0).shape().get(0) <= 0, "dynamic batch: " + runner.io().inputs());
            ModelSession session = sessions.openSessions().get(0);
            String input = runner.io().inputs().get(0).name();
            List<float[]> items = new ArrayList<>();
            try (Preprocessor pre = new Preprocessor(runner.settings(), Preprocessor.ElementType.FLOAT,
                    session.environment())) {
                for (Mat f : frames) {
                    pre.prepare(f);
                    FloatBuffer b = pre.tensor().getFloatBuffer();
                    float[] a = new float[b.remaining()];
                    b.get(a);
                    items.add(a);
                }
            }
            long[] item = {3, 416, 416};
            List<float[]> singles = new ArrayList<>();
            for (float[] a : items) {
                singles.add(run(session, input, a, 1, item));
            }
            float[] all = new float[items.size() * items.get(0).length];
            for (int i = 0; i < items.size(); i++) {
                System.arraycopy(items.get(i), 0, all, i * items.get(i).length, items.get(i).length);
            }
            float[] batched = run(session, input, all, items.size(), item);
            int per = singles.get(0).length;
            assertEquals(per * STREAMS, batched.length, "output [4,3549,85]");
            double worst = 0;
            for (int i = 0; i < STREAMS; i++) {
                for (int k = 0; k < per; k++) {
                    worst = Math.max(worst, Math.abs(batched[i * per + k] - singles.get(i)[k]));
                }
            }
            assertTrue(worst < 1e-3, "batch slice equals the single run, largest difference " + worst);
            assertFalse(Arrays.equals(singles.get(0), singles.get(3)), "the frames differ");
        }
    }

    private static float[] run(ModelSession session, String input, float[] data, int n, long[] item)
            throws Exception {
        long[] shape = {n, item[0], item[1], item[2]};
        try (OnnxTensor t = OnnxTensor.createTensor(session.environment(), FloatBuffer.wrap(data), shape);
             OrtSession.Result r = session.session().run(Map.of(input, t))) {
            OnnxValue v = r.get(0);
            FloatBuffer out = ((OnnxTensor) v).getFloatBuffer();
            float[] a = new float[out.remaining()];
            out.get(a);
            return a;
        }
    }

    @Test
    void fourStreamsBatchedOnTheRealModelGetTheDetectionsEachFrameGetsAlone() throws Exception {
        Map<Integer, List<DetectedObject>> alone = new HashMap<>();
        try (ModelSessions one = new ModelSessions(new SessionSettings(1, 1, 1), null, 1);
             ModelRunner r = ModelRunner.load(one, spec)) {
            assertTrue(r.batching().isEmpty(), "one stream: nothing to batch");
            for (int s = 0; s < STREAMS; s++) {
                alone.put(s, r.detect(frames.get(s)));
            }
        }
        assertTrue(alone.values().stream().flatMap(List::stream).anyMatch(o -> o.label().equals("person")),
                "people in the street: " + alone);
        assertFalse(same(alone.get(0), alone.get(3)), "the streams show different scenes");
        try (ModelSessions shared = new ModelSessions(new SessionSettings(1, 1, 1), null, STREAMS)) {
            List<String> batching = new ArrayList<>();
            List<List<String>> results = BatchedRunsTest.inStreams(shared, spec, s -> frames.get(s).clone(),
                    (runner, img) -> describe(runner.detect(img)), batching);
            for (int s = 0; s < STREAMS; s++) {
                for (String got : results.get(s)) {
                    assertClose(describe(alone.get(s)), got, "stream " + (s + 1) + " batched, as alone");
                }
            }
            assertEquals("4.00 inputs per run across streams", batching.get(0),
                    "the four streams' frames ran as one batch each round");
        }
    }

    private static boolean same(List<DetectedObject> a, List<DetectedObject> b) {
        return describe(a).equals(describe(b));
    }

    /** Label, confidence and box of each detection ("label c l t w h; ..."). */
    private static String describe(List<DetectedObject> found) {
        StringBuilder sb = new StringBuilder();
        for (DetectedObject o : found) {
            sb.append(String.format(Locale.ROOT, "%s %.6f %.6f %.6f %.6f %.6f; ", o.label(), o.confidence(),
                    o.bbox().l(), o.bbox().t(), o.bbox().w(), o.bbox().h()));
        }
        return sb.toString();
    }

    /** The same detections in the same order, numbers within 1e-4 (another batch size: other float rounding). */
    private static void assertClose(String expected, String got, String what) {
        String[] e = expected.split("; ");
        String[] g = got.split("; ");
        assertEquals(e.length, g.length, what + ": number of detections\n" + expected + "\n" + got);
        for (int i = 0; i < e.length; i++) {
            String[] a = e[i].trim().split(" ");
            String[] b = g[i].trim().split(" ");
            assertEquals(a[0], b[0], what + ": label of detection " + i);
            for (int k = 1; k < a.length; k++) {
                double d = Math.abs(Double.parseDouble(a[k]) - Double.parseDouble(b[k]));
                assertTrue(d < 1e-4, what + ": detection " + i + " differs by " + d + "\n" + expected + "\n" + got);
            }
        }
    }
}
