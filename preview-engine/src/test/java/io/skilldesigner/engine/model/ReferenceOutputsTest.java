package io.skilldesigner.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.skilldesigner.core.model.OutputLayout;
import io.skilldesigner.engine.frame.BBox;
import io.skilldesigner.engine.frame.DetectedObject;

/**
 * Real pretrained detectors from ../shared/models against the independent reference in reference-outputs.json
 * (numpy decoders, pre-processing and thresholds as MANIFEST.md describes). Each model is loaded as the Add-model
 * wizard does: no decoder settings, no threshold (the family's usual one), a label file only for YOLOX, which
 * carries no names. Per model: at least 95 % of the reference detections found at IoU >= 0.5 with the same class
 * and a confidence within 0.02, and at most 5 % extra detections.
 */
class ReferenceOutputsTest {
    private static final Path MODELS = TestModels.shared().resolve("models");
    private static final Path MEDIA = TestModels.shared().resolve("media");
    private static ModelSessions sessions;
    private static JsonObject reference;

    @BeforeAll
    static void open() throws IOException {
        sessions = new ModelSessions();
        reference = JsonParser.parseString(Files.readString(MODELS.resolve("reference-outputs.json")))
                .getAsJsonObject().getAsJsonObject("models");
    }

    @AfterAll
    static void close() {
        sessions.close();
    }

    private record Ref(String label, double confidence, double x1, double y1, double x2, double y2) { }

    @ParameterizedTest
    @CsvSource({
            "ultraface-raw/version-slim-320_without_postprocessing.onnx, ULTRAFACE_RAW, ''",
            "retinaface/FaceDetector.onnx, RETINAFACE, ''",
            "yunet/face_detection_yunet_2026may.onnx, YUNET, ''",
            "yolox/yolox-nano-416.onnx, YOLOX, coco80_labels.txt"})
    void matchesTheIndependentReference(String model, OutputLayout layout, String labels) {
        Path labelFile = labels.isEmpty() ? null : TestModels.model(labels);
        int refCount = 0;
        int matched = 0;
        int extra = 0;
        StringBuilder report = new StringBuilder();
        try (ModelRunner runner = ModelRunner.load(sessions, ModelSpec.of(MODELS.resolve(model), labelFile))) {
            assertEquals(layout, runner.layout(), runner.io().layoutEvidence());
            assertTrue(runner.io().layoutConfidence() >= 0.85, "recognised with earned confidence: "
                    + runner.io().layoutEvidence());
            for (Map.Entry<String, JsonElement> photo : reference.getAsJsonObject(model).entrySet()) {
                List<Ref> refs = refs(photo.getValue().getAsJsonArray());
                List<DetectedObject> found;
                int w;
                int h;
                try (Mat bgr = ModelTryOut.read(MEDIA.resolve(photo.getKey()))) {
                    found = runner.detect(bgr);
                    w = bgr.cols();
                    h = bgr.rows();
                }
                int m = match(refs, found, w, h);
                refCount += refs.size();
                matched += m;
                extra += found.size() - m;
                report.append(String.format("%n  %s: reference %d, found %d, matched %d", photo.getKey(), refs.size(),
                        found.size(), m));
                boolean landmarks = layout == OutputLayout.RETINAFACE || layout == OutputLayout.YUNET;
                for (DetectedObject d : found) {
                    BBox b = d.bbox();
                    if (landmarks) {
                        assertEquals(5, d.attributes().size(), "five landmarks as attributes: " + d);
                        for (var a : d.attributes()) {
                            String[] xy = a.label().split(",");
                            double x = Double.parseDouble(xy[0]);
                            double y = Double.parseDouble(xy[1]);
                            // eyes, nose, mouth corners lie on the face: inside its box, give or take a margin
                            assertTrue(x >= b.l() - 0.5 * b.w() && x <= b.right() + 0.5 * b.w()
                                    && y >= b.t() - 0.5 * b.h() && y <= b.bottom() + 0.5 * b.h(), a + " on " + d);
                        }
                    }
                    assertTrue(b.w() > 0 && b.h() > 0 && b.l() >= 0 && b.t() >= 0 && b.right() <= 1.0001
                            && b.bottom() <= 1.0001, "a box inside the frame with positive size: " + d);
                }
            }
        }
        assertTrue(matched >= 0.95 * refCount, model + ": matched " + matched + " of " + refCount + report);
        assertTrue(extra <= 0.05 * refCount, model + ": " + extra + " extra detections" + report);
    }

    private static List<Ref> refs(JsonArray a) {
        List<Ref> out = new ArrayList<>();
        for (JsonElement e : a) {
            JsonObject o = e.getAsJsonObject();
            JsonArray b = o.getAsJsonArray("box");
            out.add(new Ref(o.get("label").getAsString(), o.get("confidence").getAsDouble(), b.get(0).getAsDouble(),
                    b.get(1).getAsDouble(), b.get(2).getAsDouble(), b.get(3).getAsDouble()));
        }
        return out;
    }

    /** Greedy one-to-one matching: same label, IoU >= 0.5, confidence within 0.02 (reference rounded to 3 places). */
    static int match(List<Ref> refs, List<DetectedObject> found, int w, int h) {
        boolean[] used = new boolean[found.size()];
        int matched = 0;
        for (Ref r : refs) {
            int best = -1;
            double bestIou = 0.5;
            for (int i = 0; i < found.size(); i++) {
                DetectedObject d = found.get(i);
                if (used[i] || !d.label().equals(r.label()) || Math.abs(d.confidence() - r.confidence()) > 0.0205) {
                    continue;
                }
                BBox b = d.bbox();
                double iou = iou(r, b.l() * w, b.t() * h, b.right() * w, b.bottom() * h);
                if (iou >= bestIou) {
                    bestIou = iou;
                    best = i;
                }
            }
            if (best >= 0) {
                used[best] = true;
                matched++;
            }
        }
        return matched;
    }

    private static double iou(Ref r, double x1, double y1, double x2, double y2) {
        double iw = Math.min(r.x2(), x2) - Math.max(r.x1(), x1);
        double ih = Math.min(r.y2(), y2) - Math.max(r.y1(), y1);
        if (iw <= 0 || ih <= 0) {
            return 0;
        }
        double inter = iw * ih;
        return inter / ((r.x2() - r.x1()) * (r.y2() - r.y1()) + (x2 - x1) * (y2 - y1) - inter);
    }
}
