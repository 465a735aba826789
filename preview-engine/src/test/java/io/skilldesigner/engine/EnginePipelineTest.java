package io.skilldesigner.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
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
import io.skilldesigner.engine.runtime.PipelinedRuntime;

/** A pipelined node (a model node's shape) on a real MP4: the next frame is prepared while this one finishes. */
class EnginePipelineTest {
    private static final int FRAMES = 24;

    @TempDir
    static Path dir;
    static Path video;

    @BeforeAll
    static void writeVideo() throws Exception {
        video = TestVideos.movingSquare(dir.resolve("square.mp4"), FRAMES, 160, 120, 25);
    }

    /** Records threads and order; finish(n) waits (bounded) until prepare(n+1) has started, to see the overlap. */
    static final class Recording implements PipelinedRuntime {
        final Map<Long, CountDownLatch> prepareStarted = new ConcurrentHashMap<>();
        final List<Long> prepared = new CopyOnWriteArrayList<>();
        final List<Long> finished = new CopyOnWriteArrayList<>();
        final List<Long> overlapped = new CopyOnWriteArrayList<>();
        final List<String> prepareThreads = new CopyOnWriteArrayList<>();
        final List<String> finishThreads = new CopyOnWriteArrayList<>();
        final AtomicInteger open = new AtomicInteger();
        final AtomicInteger closes = new AtomicInteger();
        volatile long failOn = -1;

        private CountDownLatch started(long sequence) {
            return prepareStarted.computeIfAbsent(sequence, s -> new CountDownLatch(1));
        }

        @Override
        public Prepared prepare(Frame frame) {
            started(frame.sequence()).countDown();
            prepareThreads.add(Thread.currentThread().getName());
            if (frame.sequence() == failOn) {
                throw new IllegalStateException("cannot prepare frame " + frame.sequence());
            }
            prepared.add(frame.sequence());
            open.incrementAndGet();
            boolean[] closed = {false};
            return () -> {
                if (!closed[0]) { // idempotent, as the contract says
                    closed[0] = true;
                    closes.incrementAndGet();
                    open.decrementAndGet();
                }
            };
        }

        @Override
        public Frame finish(Frame frame, Prepared p) throws InterruptedException {
            try (p) {
                finishThreads.add(Thread.currentThread().getName());
                if (started(frame.sequence() + 1).await(2, TimeUnit.SECONDS)) {
                    overlapped.add(frame.sequence());
                }
                finished.add(frame.sequence());
                return frame.withObjects(List.of(DetectedObject.of("seen", 1f, new BBox(0, 0, 1, 1))));
            }
        }
    }

    /** Camera (the test video, every frame) → the pipelined node "model" → a node recording into {@code after}. */
    private static Engine runLossless(PipelinedRuntime rt, List<Frame> after) throws Exception {
        TestNodes nodes = new TestNodes().runtime("test-pipelined", () -> rt)
                .type("test-after", TestNodes.recording(after));
        Skill skill = TestSkills.fileCamera(video, false).fps(50).node("model", "test-pipelined", "camera")
                .node("after", "test-after", "model").build();
        return run(skill, nodes);
    }

    private static Engine run(Skill skill, TestNodes nodes) throws Exception {
        Engine engine = Engine.builder(skill).catalog(nodes.catalog()).registry(nodes.registry()).lossless(true)
                .build();
        engine.start();
        assertTrue(engine.awaitCompletion(Duration.ofSeconds(60)), "run did not end");
        return engine;
    }

    @Test
    void theNextFrameIsPreparedOnItsOwnThreadWhileThisOneFinishesInOrder() throws Exception {
        Recording rt = new Recording();
        List<Frame> after = TestNodes.newLog();
        try (Engine engine = runLossless(rt, after)) {
            assertEquals(RunState.COMPLETED, engine.state());
            List<Long> expected = after.stream().map(Frame::sequence).toList();
            assertEquals(FRAMES, expected.size());
            assertEquals(expected, rt.prepared, "prepared in frame order");
            assertEquals(expected, rt.finished, "finished in frame order");
            assertTrue(after.stream().allMatch(f -> f.objects().size() == 1), "every frame carries the result");
            assertTrue(rt.prepareThreads.stream().allMatch("sd-prep-model"::equals), rt.prepareThreads.toString());
            assertTrue(rt.finishThreads.stream().allMatch("sd-node-model"::equals), rt.finishThreads.toString());
            // every frame but the last: its successor was being prepared while it finished
            assertEquals(expected.subList(0, FRAMES - 1), rt.overlapped);
            assertEquals(0, rt.open.get(), "every prepared input closed");
            assertEquals(FRAMES, rt.closes.get(), "closed once each");
            NodeMetrics m = engine.metrics("model");
            assertEquals(FRAMES, m.framesOut());
        }
    }

    @Test
    void aFailureWhilePreparingIsTheNodesErrorAndTheFramePassesThrough() throws Exception {
        Recording rt = new Recording();
        rt.failOn = 5;
        List<Frame> after = TestNodes.newLog();
        try (Engine engine = runLossless(rt, after)) {
            NodeMetrics m = engine.metrics("model");
            assertEquals(1, m.errors());
            assertEquals("cannot prepare frame 5", m.lastError());
            assertEquals(FRAMES, after.size(), "the failed frame went on unchanged");
            assertEquals(List.of(5L), after.stream().filter(f -> f.objects().isEmpty()).map(Frame::sequence).toList());
            assertEquals(0, rt.open.get());
        }
    }

    @Test
    void stoppingMidRunClosesWhatWasPreparedForFramesThatWillNotFinish() throws Exception {
        Recording rt = new Recording();
        CountDownLatch finishing = new CountDownLatch(1);
        PipelinedRuntime slow = new PipelinedRuntime() {
            @Override
            public Prepared prepare(Frame frame) {
                return rt.prepare(frame);
            }

            @Override
            public Frame finish(Frame frame, Prepared p) throws InterruptedException {
                try (p) {
                    finishing.countDown();
                    Thread.sleep(60_000); // until stopped
                    return frame;
                }
            }
        };
        TestNodes nodes = new TestNodes().runtime("test-pipelined", () -> slow);
        Skill skill = TestSkills.fileCamera(video, true).fps(50).node("model", "test-pipelined", "camera").build();
        Engine engine = Engine.builder(skill).catalog(nodes.catalog()).registry(nodes.registry()).build();
        engine.start();
        assertTrue(finishing.await(30, TimeUnit.SECONDS), "no frame reached finish");
        assertTrue(rt.started(rt.prepared.isEmpty() ? 1 : rt.prepared.get(0) + 1).await(30, TimeUnit.SECONDS),
                "the next frame was not prepared while the first finished");
        engine.stop();
        assertTrue(engine.awaitCompletion(Duration.ofSeconds(30)), "stop did not end the run");
        assertEquals(0, rt.open.get(), "prepared inputs left open after stop: " + rt.open.get());
        engine.close();
    }
}
