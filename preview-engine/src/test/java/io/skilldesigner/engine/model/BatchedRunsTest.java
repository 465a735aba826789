package io.skilldesigner.engine.model;

import static io.skilldesigner.engine.model.TestModels.BLUE;
import static io.skilldesigner.engine.model.TestModels.GREEN;
import static io.skilldesigner.engine.model.TestModels.RED;
import static io.skilldesigner.engine.model.TestModels.YELLOW;
import static io.skilldesigner.engine.model.TestModels.model;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
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

    @Test
    void aStreamWhoseInputAnotherStreamBatchedGetsItsResultWithoutWaitingForATurn() throws Exception {
        ModelSpec spec = ModelSpec.of(model("colour_classifier_batch_test.onnx"), model("colour_labels.txt"));
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try (ModelSessions shared = new ModelSessions(new SessionSettings(1, 1, 1), null, STREAMS);
             ModelRunner a = ModelRunner.load(shared, spec); ModelRunner b = ModelRunner.load(shared, spec);
             Mat red = image(0); Mat green = image(1)) {
            ModelSession session = shared.openSessions().get(0);
            session.enterStage(); // the session is busy: what follows queues up
            Future<String> first = pool.submit(() -> a.classify(red, 1).get(0).label());
            awaitTrue(() -> session.waitingForStage() == 1, "stream a waits for a turn");
            CountDownLatch otherHolds = new CountDownLatch(1);
            CountDownLatch otherMayLeave = new CountDownLatch(1);
            Future<?> other = pool.submit(() -> { // another user of the session, queued after a
                session.enterStage();
                otherHolds.countDown();
                otherMayLeave.await();
                session.leaveStage();
                return null;
            });
            awaitTrue(() -> session.waitingForStage() == 2, "the other user waits for a turn after a");
            Thread[] bThread = new Thread[1];
            Future<String> second = pool.submit(() -> {
                bThread[0] = Thread.currentThread();
                return b.classify(green, 1).get(0).label();
            });
            awaitTrue(() -> bThread[0] != null && bThread[0].getState() == Thread.State.WAITING,
                    "stream b queued its input");
            session.leaveStage(); // a's turn: it runs its input and b's as one batch
            assertEquals("red", first.get(30, TimeUnit.SECONDS));
            assertTrue(otherHolds.await(30, TimeUnit.SECONDS), "the next turn went to the other user");
            // b's input ran in a's batch: its result is there although the other user holds the only turn
            assertEquals("green", second.get(10, TimeUnit.SECONDS));
            otherMayLeave.countDown();
            other.get(30, TimeUnit.SECONDS);
            assertEquals("2.00 inputs per run across streams", b.batching().orElseThrow());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void withTwoStagesTheQueuedStreamsAreSplitEvenlyOverTwoRunsSoNoneLapsTheOthers() throws Exception {
        ModelSpec spec = ModelSpec.of(model("colour_classifier_batch_test.onnx"), model("colour_labels.txt"));
        ExecutorService pool = Executors.newFixedThreadPool(STREAMS);
        List<ModelRunner> runners = new ArrayList<>();
        try (ModelSessions shared = new ModelSessions(new SessionSettings(1, 1, 2), null, STREAMS)) {
            for (int s = 0; s < STREAMS; s++) {
                runners.add(ModelRunner.load(shared, spec));
            }
            ModelSession session = shared.openSessions().get(0);
            assertEquals(2, session.stages());
            session.enterStage(); // both turns taken: every stream's input queues
            session.enterStage();
            List<Thread> threads = Collections.synchronizedList(new ArrayList<>());
            List<Future<String>> results = new ArrayList<>();
            for (int s = 0; s < STREAMS; s++) {
                int stream = s;
                results.add(pool.submit(() -> {
                    threads.add(Thread.currentThread());
                    try (Mat img = image(stream)) {
                        return runners.get(stream).classify(img, 1).get(0).label();
                    }
                }));
            }
            awaitTrue(() -> threads.size() == STREAMS && threads.stream()
                    .allMatch(t -> t.getState() == Thread.State.WAITING), "all four streams queued");
            session.leaveStage();
            session.leaveStage();
            List<String> labels = new ArrayList<>();
            for (Future<String> f : results) {
                labels.add(f.get(30, TimeUnit.SECONDS));
            }
            assertEquals(List.of("red", "green", "blue", "yellow"), labels);
            for (ModelRunner r : runners) {
                assertEquals("2.00 inputs per run across streams", r.batching().orElseThrow(),
                        "two runs of two, one per stage, not one of four beside an idle stage");
            }
        } finally {
            runners.forEach(ModelRunner::close);
            pool.shutdownNow();
        }
    }

    private static void awaitTrue(BooleanSupplier condition, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(5);
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
