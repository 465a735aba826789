package io.skilldesigner.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.skilldesigner.engine.frame.DetectedObject;

/**
 * Inputs prepared ahead (the next frame pre-processed while the model runs on this one) on real models from
 * ../shared/models give exactly what the one-call path gives, with two input buffers and no more.
 */
class PreparedAheadTest {
    private static final Path MODELS = TestModels.shared().resolve("models");
    private static final Path FACES = TestModels.shared().resolve("media/faces");
    private static ModelSessions sessions;

    @BeforeAll
    static void open() {
        sessions = new ModelSessions();
    }

    @AfterAll
    static void close() {
        sessions.close();
    }

    @Test
    void aDetectorGivesTheSameBoxesForInputsPreparedTwoAheadAsForOneCallEach() throws Exception {
        try (ModelRunner r = ModelRunner.load(sessions, ModelSpec.of(MODELS.resolve("yolox/yolox-nano-416.onnx"),
                null));
             Mat a = ModelTryOut.read(FACES.resolve("6.jpg"));
             Mat b = ModelTryOut.read(FACES.resolve("9.jpg"))) {
            List<DetectedObject> expectA = r.detect(a);
            List<DetectedObject> expectB = r.detect(b);
            assertFalse(expectA.isEmpty());
            assertFalse(expectB.isEmpty());
            assertFalse(expectA.equals(expectB), "two different photos");

            ModelRunner.Input inA = r.prepare(a);
            ModelRunner.Input inB = r.prepare(b); // both buffers now hold a prepared input
            double t = r.settings().scoreThreshold();
            assertEquals(expectA, r.detect(inA, t));
            assertEquals(expectB, r.detect(inB, t));
            assertTrue(r.preparesAhead());
        }
    }

    @Test
    void aThirdInputWaitsForABufferAndCloseGivesItBackOnce() throws Exception {
        try (ModelRunner r = ModelRunner.load(sessions,
                ModelSpec.of(MODELS.resolve("squeezenet/squeezenet1.1-fp32.onnx"), null));
             Mat a = ModelTryOut.read(FACES.resolve("2.jpg"))) {
            List<ClassScore> expected = r.classify(a, 3);
            ModelRunner.Input first = r.prepare(a);
            ModelRunner.Input second = r.prepare(a);
            CompletableFuture<ModelRunner.Input> third = CompletableFuture.supplyAsync(() -> {
                try {
                    return r.prepare(a);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            try {
                third.get(500, TimeUnit.MILLISECONDS);
                throw new AssertionError("a third input was prepared while both buffers were in use");
            } catch (TimeoutException expectedWait) {
                // waiting for a buffer, as it should
            }
            assertEquals(expected, r.classify(first, 3)); // gives its buffer back: the third goes on
            first.close(); // a second close does nothing (would otherwise free a buffer twice)
            ModelRunner.Input thirdInput = third.get(30, TimeUnit.SECONDS);
            assertEquals(expected, r.classify(second, 3));
            assertEquals(expected, r.classify(thirdInput, 3));
            // all three back: two more can be prepared at once without waiting
            r.prepare(a).close();
            ModelRunner.Input x = r.prepare(a);
            ModelRunner.Input y = CompletableFuture.supplyAsync(() -> {
                try {
                    return r.prepare(a);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }).get(30, TimeUnit.SECONDS);
            x.close();
            y.close();
        }
    }
}
