package io.skilldesigner.engine.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.skilldesigner.core.model.OutputLayout;

/**
 * The runner asks ONNX Runtime only for the outputs its decoder reads. Real model: YOLOX-Nano from
 * ../shared/models, and a copy with its three raw per-stride heads as extra outputs, as older YOLOX/YOLOv5 exports
 * ship them (made at test time by {@code add_stride_outputs.py}). No shared model has an output its decoder
 * ignores as it is: UltraFace, RetinaFace and YuNet decoders read every output (landmarks included).
 */
class ModelRunnerOutputsTest {
    private static final Path MODELS = TestModels.shared().resolve("models");
    private static final Path YOLOX = MODELS.resolve("yolox/yolox-nano-416.onnx");
    private static ModelSessions sessions;
    private static Path strideOutputs;

    @BeforeAll
    static void open() throws Exception {
        sessions = new ModelSessions();
        strideOutputs = BatchModels.strideOutputsCopy(YOLOX);
    }

    @AfterAll
    static void close() {
        sessions.close();
    }

    @Test
    void aSingleHeadDecoderFetchesOnlyItsOutputAndDetectsTheSame() {
        Path labels = TestModels.model("coco80_labels.txt");
        try (ModelRunner extra = ModelRunner.load(sessions, ModelSpec.of(strideOutputs, labels));
             ModelRunner plain = ModelRunner.load(sessions, ModelSpec.of(YOLOX, labels))) {
            assertEquals(OutputLayout.YOLOX, extra.layout(), extra.io().layoutEvidence());
            assertEquals(4, extra.io().outputs().size(), extra.io().outputs().toString());
            assertEquals(Set.of("output"), extra.outputsRequested());
            CocoPhotos.assertSameDetections(plain, extra);
        }
    }

    /** What the runner skips is only the extra heads: the output it reads is the same fetched alone or with all. */
    @Test
    void theOutputFetchedAloneEqualsItFetchedWithEveryOutput() throws OrtException {
        ModelSession session = sessions.open("stride outputs", strideOutputs, false);
        float[] image = new float[3 * 416 * 416];
        for (int i = 0; i < image.length; i++) {
            image[i] = (i * 31 % 256); // a fixed pattern: the values only need to be the same in both runs
        }
        try (OnnxTensor input = OnnxTensor.createTensor(session.environment(), FloatBuffer.wrap(image),
                new long[] {1, 3, 416, 416});
             OrtSession.Result all = session.session().run(Map.of("images", input));
             OrtSession.Result one = session.session().run(Map.of("images", input), Set.of("output"))) {
            assertEquals(4, all.size());
            assertEquals(1, one.size());
            assertArrayEquals(floats(all.get("output").orElseThrow()), floats(one.get("output").orElseThrow()));
        }
    }

    @Test
    void aDecoderThatReadsEveryOutputGetsEveryOutput() {
        Path file = MODELS.resolve("retinaface/FaceDetector.onnx");
        try (ModelRunner retina = ModelRunner.load(sessions, ModelSpec.of(file, null))) {
            assertEquals(Set.of("output0", "output1", "output2"), retina.outputsRequested(),
                    "boxes, scores and the landmarks it turns into attributes");
        }
    }

    private static float[] floats(OnnxValue v) throws OrtException {
        FloatBuffer b = ((OnnxTensor) v).getFloatBuffer();
        float[] f = new float[b.remaining()];
        b.get(f);
        return f;
    }
}
