package io.skilldesigner.engine.model;

import static io.skilldesigner.engine.model.TestModels.model;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.skilldesigner.core.model.DecoderSettings;
import io.skilldesigner.core.model.ModelTask;
import io.skilldesigner.core.model.OutputLayout;

/** Bad input gives errors that say what is wrong and name the model and the file. */
class ModelErrorsTest {
    private static ModelSessions sessions;

    @TempDir
    Path tmp;

    @BeforeAll
    static void open() {
        sessions = new ModelSessions(new SessionSettings(1, 1));
    }

    @AfterAll
    static void close() {
        sessions.close();
    }

    private static String loadError(ModelSpec spec) {
        ModelException e = assertThrows(ModelException.class, () -> ModelRunner.load(sessions, spec).close());
        return e.getMessage();
    }

    private static void assertMentions(String message, String... parts) {
        for (String p : parts) {
            assertTrue(message.contains(p), "'" + p + "' missing in: " + message);
        }
    }

    @Test
    void corruptOnnxFile() throws IOException {
        Path bad = tmp.resolve("broken.onnx");
        Files.write(bad, "this is not a protobuf model\u0001\u0002".getBytes());
        assertMentions(loadError(new ModelSpec("broken", bad, null, null, null, false)),
                "model 'broken'", bad.toAbsolutePath().toString(), "cannot load");
    }

    @Test
    void missingModelFile() {
        Path missing = tmp.resolve("nowhere/model.onnx");
        assertMentions(loadError(new ModelSpec("ghost", missing, null, null, null, false)),
                "model 'ghost'", "model.onnx", "not found");
    }

    @Test
    void wrongLabelCountGivesBothNumbers() {
        assertMentions(loadError(new ModelSpec("det", model("yolov5_test.onnx"), model("colour_labels.txt"), null,
                null, false)), "model 'det'", "yolov5_test.onnx", "3 classes", "4 labels", "colour_labels.txt");
    }

    @Test
    void missingLabelFile() {
        assertMentions(loadError(new ModelSpec("det", model("yolov5_test.onnx"), tmp.resolve("labels.txt"), null,
                null, false)), "model 'det'", "label file not found", "labels.txt");
    }

    @Test
    void unrecognisedLayout() {
        assertMentions(loadError(ModelSpec.of(model("unknown_layout_test.onnx"), null)),
                "unknown_layout_test.onnx", "not supported: ", "[1, 2, 3]", "; supported layouts: ", "YOLOv5 [1,N,5+C]");
    }

    @Test
    void userLayoutThatDoesNotFitTheOutputs() {
        DecoderSettings grid = new DecoderSettings(OutputLayout.YOLO_GRID, 320, 320, false, true, true, 1, null, null,
                0.1, 0.45, 20, DecoderSettings.CUSTOM_VISION_ANCHORS);
        assertMentions(loadError(ModelSpec.of(model("yolov5_test.onnx"), null).withDecoder(grid)),
                "not supported: ", "YOLO_GRID", "output0 [1, 16, 8]", "; supported layouts: ");
    }

    @Test
    void classifierRegisteredAsDetector() {
        assertMentions(loadError(new ModelSpec("c", model("colour_classifier_logits.onnx"), null, null,
                ModelTask.DETECTION, false)), "registered for DETECTION", "CLASSIFICATION");
    }

    @Test
    void unreadableImageInTryOut() throws IOException {
        Path notImage = tmp.resolve("x.png");
        Files.writeString(notImage, "no pixels here");
        ModelException e = assertThrows(ModelException.class, () -> new ModelTryOut(sessions)
                .run(ModelSpec.of(model("yolov5_test.onnx"), null), notImage, 1));
        assertMentions(e.getMessage(), "cannot read image", "x.png");
    }

    @Test
    void detectorCannotClassify() {
        try (ModelRunner r = ModelRunner.load(sessions, ModelSpec.of(model("yolov5_test.onnx"), null))) {
            ModelException e = assertThrows(ModelException.class,
                    () -> r.classify(TestModels.solid(8, 8, TestModels.RED), 1));
            assertMentions(e.getMessage(), "yolov5_test.onnx", "YOLOV5 detector");
        }
    }
}
