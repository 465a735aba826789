package io.skilldesigner.engine.model;

import static io.skilldesigner.engine.model.TestModels.BLUE;
import static io.skilldesigner.engine.model.TestModels.GREEN;
import static io.skilldesigner.engine.model.TestModels.RED;
import static io.skilldesigner.engine.model.TestModels.YELLOW;
import static io.skilldesigner.engine.model.TestModels.model;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.IntFunction;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

import io.skilldesigner.engine.frame.DetectedObject;

/**
 * Streams sharing a session whose model has a dynamic batch dimension: their inputs are run together and each
 * stream gets exactly what it gets alone; a model that only claims a dynamic batch (outputs ignore it) is run one
 * input at a time after its first batch, with the reason said.
 */
class BatchedRunsTest {
    static final int STREAMS = 4;
    private static final int ROUNDS = 12;
    private static final Scalar[] COLOURS = {RED, GREEN, BLUE, YELLOW};

    @Test
    void fourStreamsBatchTheirFramesAndEachGetsItsOwnClassesAsWhenRunAlone() throws Exception {
        ModelSpec spec = ModelSpec.of(model("colour_classifier_batch_test.onnx"), model("colour_labels.txt"));
        List<String> alone = new ArrayList<>();
        try (ModelSessions one = new ModelSessions(new SessionSettings(1, 1, 1), null, 1)) {
            for (int s = 0; s < STREAMS; s++) {
                try (ModelRunner r = ModelRunner.load(one, spec); Mat img = image(s)) {
                    assertTrue(r.batching().isEmpty(), "one stream: nothing to batch");
                    alone.add(r.classify(img, 4).toString());
                }
            }
        }
        assertEquals(List.of("red", "green", "blue", "yellow"), alone.stream()
                .map(t -> t.substring(t.indexOf("label=") + 6, t.indexOf(',', t.indexOf("label=")))).toList(),
                "the model tells the four colours apart");

        try (ModelSessions shared = new ModelSessions(new SessionSettings(1, 1, 1), null, STREAMS)) {
            List<String> batching = new ArrayList<>();
            List<List<String>> results = inStreams(shared, spec, (r, img) -> r.classify(img, 4).toString(),
                    batching);
            for (int s = 0; s < STREAMS; s++) {
                for (String got : results.get(s)) {
                    assertEquals(alone.get(s), got, "stream " + s + " gets its own frame's classes, as alone");
                }
            }
            assertEquals("4.00 inputs per run across streams", batching.get(0),
                    "the four streams' frames ran as one batch each round");
            assertEquals(1, shared.openSessions().size(), "one session for all streams");
        }
    }

    @Test
    void aModelWhoseOutputsIgnoreTheBatchIsRunOneFrameAtATimeWithTheReasonSaid() throws Exception {
        // Declares [batch,3,320,320] -> [batch,6,2100] but its output is a constant of batch 1.
        ModelSpec spec = ModelSpec.of(model("yolov8_names_test.onnx"), null);
        String alone;
        try (ModelSessions one = new ModelSessions(new SessionSettings(1, 1, 1), null, 1);
             ModelRunner r = ModelRunner.load(one, spec); Mat img = image(0)) {
            alone = names(r.detect(img));
        }
        try (ModelSessions shared = new ModelSessions(new SessionSettings(1, 1, 1), null, STREAMS)) {
            List<String> batching = new ArrayList<>();
            List<List<String>> results = inStreams(shared, spec, (r, img) -> names(r.detect(img)), batching);
            results.forEach(rs -> rs.forEach(got -> assertEquals(alone, got, "right results, batched or not")));
            assertTrue(batching.stream().allMatch(b -> b.startsWith("off: output output0")
                    && b.contains("does not follow the batch")), batching.toString());
        }
    }

    private static List<List<String>> inStreams(ModelSessions sessions, ModelSpec spec,
                                                BiFunction<ModelRunner, Mat, String> work, List<String> batching)
            throws Exception {
        return inStreams(sessions, spec, BatchedRunsTest::image, work, batching);
    }

    /**
     * STREAMS threads, each with its own runner on the shared sessions, ROUNDS frames each in lock step; stream s
     * works on {@code images.apply(s)} (closed after).
     */
    static List<List<String>> inStreams(ModelSessions sessions, ModelSpec spec, IntFunction<Mat> images,
                                        BiFunction<ModelRunner, Mat, String> work, List<String> batching)
            throws Exception {
        List<ModelRunner> runners = new ArrayList<>();
        for (int s = 0; s < STREAMS; s++) {
            runners.add(ModelRunner.load(sessions, spec));
        }
        ModelSession session = sessions.openSessions().get(0);
        // Each round the session is kept busy for a moment (as by a long inference), so every stream's frame is
        // queued when the next turn comes: the batch then does not depend on how fast each thread pre-processes.
        CyclicBarrier together = new CyclicBarrier(STREAMS, () -> {
            session.enterStage();
            Thread busy = new Thread(() -> {
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    session.leaveStage();
                }
            });
            busy.start();
        });
        ExecutorService pool = Executors.newFixedThreadPool(STREAMS);
        try {
            List<Future<List<String>>> futures = new ArrayList<>();
            for (int s = 0; s < STREAMS; s++) {
                int stream = s;
                futures.add(pool.submit(() -> {
                    List<String> got = new ArrayList<>();
                    try (Mat img = images.apply(stream)) {
                        for (int i = 0; i < ROUNDS; i++) {
                            together.await(30, TimeUnit.SECONDS); // all streams submit at once: batches form
                            got.add(work.apply(runners.get(stream), img));
                        }
                    }
                    return got;
                }));
            }
            List<List<String>> out = new ArrayList<>();
            for (Future<List<String>> f : futures) {
                out.add(f.get(2, TimeUnit.MINUTES));
            }
            for (ModelRunner r : runners) {
                batching.add(r.batching().orElseThrow());
                r.close();
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Mat image(int stream) {
        return TestModels.frameWithSquare(64, 64, 8 + stream * 4, 10, 40, COLOURS[stream]);
    }

    private static String names(List<DetectedObject> found) {
        return found.stream().map(o -> o.label() + " " + Math.round(o.confidence() * 1000)).toList().toString();
    }
}
