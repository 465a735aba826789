package io.skilldesigner.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.engine.frame.BBox;
import io.skilldesigner.engine.frame.DetectedObject;
import io.skilldesigner.engine.frame.Frame;
import io.skilldesigner.engine.metrics.NodeMetrics;
import io.skilldesigner.engine.runtime.ConcurrentRuntime;

/**
 * A node with several workers (a model node keeping frames in flight) on a real MP4: frame n runs on worker
 * n mod k at the same time as its neighbours, and the nodes below still get every frame in order.
 */
class EngineConcurrentNodeTest {
    private static final int FRAMES = 24;

    @TempDir
    static Path dir;
    static Path video;

    @BeforeAll
    static void writeVideo() throws Exception {
        video = TestVideos.movingSquare(dir.resolve("square.mp4"), FRAMES, 160, 120, 25);
    }

    /**
     * Records who ran what. A frame on worker 0 waits (bounded) until the next frame has started on worker 1 and then
     * finishes last, so results come back out of order and only the engine puts them back in order.
     */
    static final class Workers implements ConcurrentRuntime {
        final int workers;
        final Map<Long, CountDownLatch> started = new ConcurrentHashMap<>();
        final List<Long> sequences = new CopyOnWriteArrayList<>();
        final Map<Long, Integer> workerOf = new ConcurrentHashMap<>();
        final Map<Long, String> threadOf = new ConcurrentHashMap<>();
        final List<Long> overlapped = new CopyOnWriteArrayList<>();
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger mostInFlight = new AtomicInteger();
        volatile long failOn = -1;

        Workers(int workers) {
            this.workers = workers;
        }

        private CountDownLatch started(long sequence) {
            return started.computeIfAbsent(sequence, s -> new CountDownLatch(1));
        }

        @Override
        public int workers() {
            return workers;
        }

        @Override
        public Frame process(Frame frame, int worker) throws InterruptedException {
            long n = frame.sequence();
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                started(n).countDown();
                sequences.add(n);
                workerOf.put(n, worker);
                threadOf.put(n, Thread.currentThread().getName());
                if (worker == 0 && started(n + 1).await(2, TimeUnit.SECONDS)) {
                    overlapped.add(n);
                    Thread.sleep(20); // let the next frame finish first
                }
                if (n == failOn) {
                    throw new IllegalStateException("cannot run frame " + n);
                }
                return frame.withObjects(List.of(DetectedObject.of("worker " + worker, 1f, new BBox(0, 0, 1, 1))));
            } finally {
                inFlight.decrementAndGet();
            }
        }

        @Override
        public Frame process(Frame frame) throws InterruptedException {
            return process(frame, 0);
        }
    }

    private static Engine runLossless(ConcurrentRuntime rt, List<Frame> after) throws Exception {
        TestNodes nodes = new TestNodes().runtime("test-workers", () -> rt).type("test-after",
                TestNodes.recording(after));
        Skill skill = TestSkills.fileCamera(video, false).fps(50).node("model", "test-workers", "camera")
                .node("after", "test-after", "model").build();
        Engine engine = Engine.builder(skill).catalog(nodes.catalog()).registry(nodes.registry()).lossless(true)
                .build();
        engine.start();
        assertTrue(engine.awaitCompletion(Duration.ofSeconds(60)), "run did not end");
        return engine;
    }

    @Test
    void framesRunOnTheWorkersAtOnceAndGoOnInFrameOrder() throws Exception {
        Workers rt = new Workers(2);
        List<Frame> after = TestNodes.newLog();
        try (Engine engine = runLossless(rt, after)) {
            assertEquals(RunState.COMPLETED, engine.state(), engine.stateMessage());
            List<Long> order = after.stream().map(Frame::sequence).toList();
            assertEquals(FRAMES, order.size(), "every frame");
            List<Long> sorted = new ArrayList<>(order);
            sorted.sort(null);
            assertEquals(sorted, order, "handed on in frame order although worker 1 finished first");
            for (int i = 0; i < FRAMES; i++) {
                long n = order.get(i);
                assertEquals(i % 2, rt.workerOf.get(n), "frame " + i + " on worker i mod 2");
                assertEquals("sd-work-model-" + (i % 2), rt.threadOf.get(n));
                assertEquals("worker " + (i % 2), after.get(i).objects().get(0).label(), "its own worker's result");
            }
            assertEquals(2, rt.mostInFlight.get(), "two frames at once, never more");
            assertEquals(FRAMES / 2, rt.overlapped.size(), "every frame on worker 0 ran beside the next one: "
                    + rt.overlapped);
            NodeMetrics m = engine.metrics("model");
            assertEquals(FRAMES, m.framesIn());
            assertEquals(FRAMES, m.framesOut());
            assertEquals(0, m.errors());
        }
    }

    @Test
    void aWorkersFailureIsTheNodesErrorAndItsFramePassesThroughInOrder() throws Exception {
        Workers failingRt = new Workers(3);
        List<Frame> second = TestNodes.newLog();
        failingRt.failOn = 7; // the source numbers frames from 0
        try (Engine engine = runLossless(failingRt, second)) {
            NodeMetrics m = engine.metrics("model");
            assertEquals(1, m.errors());
            assertEquals("cannot run frame 7", m.lastError());
            assertEquals(FRAMES, second.size(), "the failed frame went on unchanged");
            assertEquals(List.of(7L), second.stream().filter(f -> f.objects().isEmpty()).map(Frame::sequence)
                    .toList());
            List<Long> order = second.stream().map(Frame::sequence).toList();
            List<Long> sorted = new ArrayList<>(order);
            sorted.sort(null);
            assertEquals(sorted, order);
            assertTrue(failingRt.mostInFlight.get() >= 2 && failingRt.mostInFlight.get() <= 3,
                    "at once, never more than the workers: " + failingRt.mostInFlight.get());
        }
    }

    @Test
    void aLiveSourceFasterThanTheWorkersDropsToTheLatestFrameAndWhatGoesOnStaysInOrder() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        ConcurrentRuntime slow = new ConcurrentRuntime() {
            @Override
            public int workers() {
                return 2;
            }

            @Override
            public Frame process(Frame frame, int worker) throws InterruptedException {
                mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(60); // two workers: 33 frames a second at most, the source offers 120
                    return frame;
                } finally {
                    inFlight.decrementAndGet();
                }
            }

            @Override
            public Frame process(Frame frame) throws InterruptedException {
                return process(frame, 0);
            }
        };
        List<Frame> after = TestNodes.newLog();
        TestNodes nodes = new TestNodes().runtime("test-workers", () -> slow).type("test-after",
                TestNodes.recording(after));
        // A file plays at its own rate: filmed at 120 fps, it offers 120 frames a second like such a camera.
        Path fast = TestVideos.movingSquare(dir.resolve("fast.mp4"), FRAMES, 160, 120, 120);
        Skill skill = TestSkills.fileCamera(fast, false).fps(120).node("model", "test-workers", "camera")
                .node("after", "test-after", "model").build();
        try (Engine engine = Engine.builder(skill).catalog(nodes.catalog()).registry(nodes.registry()).build()) {
            engine.start();
            assertTrue(engine.awaitCompletion(Duration.ofSeconds(60)), "run did not end");
            assertEquals(RunState.COMPLETED, engine.state(), engine.stateMessage());
            List<Long> order = after.stream().map(Frame::sequence).toList();
            for (int i = 1; i < order.size(); i++) {
                assertTrue(order.get(i) > order.get(i - 1), "out of order: " + order);
            }
            assertTrue(order.size() < FRAMES, "frames were dropped, not queued: " + order.size() + " of " + FRAMES);
            assertTrue(engine.metrics("camera").drops() + engine.metrics("model").drops() > 0,
                    "the drops are counted");
            assertEquals(2, mostInFlight.get(), "both workers busy at once");
            assertEquals(order.size(), engine.metrics("model").framesOut());
        }
    }

    @Test
    void stoppingWhileEveryWorkerIsBusyEndsTheRun() throws Exception {
        CountDownLatch busy = new CountDownLatch(2);
        AtomicInteger running = new AtomicInteger();
        ConcurrentRuntime stuck = new ConcurrentRuntime() {
            @Override
            public int workers() {
                return 2;
            }

            @Override
            public Frame process(Frame frame, int worker) throws InterruptedException {
                running.incrementAndGet();
                try {
                    busy.countDown();
                    Thread.sleep(60_000); // until stopped
                    return frame;
                } finally {
                    running.decrementAndGet();
                }
            }

            @Override
            public Frame process(Frame frame) throws InterruptedException {
                return process(frame, 0);
            }
        };
        TestNodes nodes = new TestNodes().runtime("test-workers", () -> stuck);
        Skill skill = TestSkills.fileCamera(video, true).fps(50).node("model", "test-workers", "camera").build();
        Engine engine = Engine.builder(skill).catalog(nodes.catalog()).registry(nodes.registry()).build();
        engine.start();
        assertTrue(busy.await(30, TimeUnit.SECONDS), "both workers had a frame");
        engine.stop();
        assertTrue(engine.awaitCompletion(Duration.ofSeconds(30)), "stop did not end the run");
        assertEquals(0, running.get(), "a worker still inside the runtime after stop");
        engine.close();
    }
}
