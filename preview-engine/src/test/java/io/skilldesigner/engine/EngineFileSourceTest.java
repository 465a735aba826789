package io.skilldesigner.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.skilldesigner.core.catalog.nodes.FilterNode;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.engine.frame.BBox;
import io.skilldesigner.engine.frame.DetectedObject;
import io.skilldesigner.engine.frame.Frame;
import io.skilldesigner.engine.metrics.NodeMetrics;
import io.skilldesigner.engine.runtime.NodeState;
import io.skilldesigner.engine.source.SourceState;

/** The engine end to end on a real MP4 written by FFmpeg in the test. */
class EngineFileSourceTest {
    private static final int FRAMES = 24;
    private static final int FILE_FPS = 25;

    @TempDir
    static Path dir;
    static Path video;

    @BeforeAll
    static void writeVideo() throws Exception {
        video = TestVideos.movingSquare(dir.resolve("square.mp4"), FRAMES, 160, 120, FILE_FPS);
    }

    /** Records outputs, run states, source states and node statuses. */
    static final class Recorder implements EngineListener {
        final List<Frame> outputs = new CopyOnWriteArrayList<>();
        final List<String> nodeOutputs = new CopyOnWriteArrayList<>();
        final List<Frame> sourceFrames = new CopyOnWriteArrayList<>();
        final List<RunState> states = new CopyOnWriteArrayList<>();
        final List<String> sourceStates = new CopyOnWriteArrayList<>();
        final List<String> statuses = new CopyOnWriteArrayList<>();
        final List<Long> latencies = new CopyOnWriteArrayList<>();

        @Override
        public void onNodeOutput(String nodeId, Frame frame) {
            nodeOutputs.add(nodeId);
            if (nodeId.equals("camera")) {
                sourceFrames.add(frame);
            }
        }

        @Override
        public void onOutput(Frame frame) {
            outputs.add(frame);
            latencies.add(System.currentTimeMillis() - frame.timestampMillis());
        }

        @Override
        public void onRunState(RunState state, String message) {
            states.add(state);
        }

        @Override
        public void onSourceState(String nodeId, SourceState state, String message) {
            sourceStates.add(state + ": " + message);
        }

        void status(String nodeId, NodeState state, String message) {
            statuses.add(nodeId + " " + state + " " + message);
        }
    }

    private static Engine run(Skill skill, TestNodes nodes, Recorder rec) throws Exception {
        return run(skill, nodes, rec, false);
    }

    /** @param lossless every frame reaches the nodes (counts exact even on a busy machine) */
    private static Engine run(Skill skill, TestNodes nodes, Recorder rec, boolean lossless) throws Exception {
        Engine engine = Engine.builder(skill).catalog(nodes.catalog()).registry(nodes.registry()).listener(rec)
                .nodeStatus(rec::status).lossless(lossless).build();
        engine.start();
        assertTrue(engine.awaitCompletion(Duration.ofSeconds(60)), "run did not end");
        return engine;
    }

    /**
     * A 25 fps file in a 20 fps skill plays as its camera would deliver it: in real time, sub-sampled to 20 fps on
     * the file's own clock, each frame stamped with its media time (before: every frame, one per 50 ms tick,
     * stamped with the wall clock, so the video ran slower than it was filmed).
     */
    @Test
    void framesFlowThroughDetectorAndFilterAtTheDesiredFps() throws Exception {
        TestNodes nodes = new TestNodes().type("test-detector", TestNodes.map(f -> f.withObjects(List.of(
                DetectedObject.of("person", 0.9f, new BBox(0.1f, 0.1f, 0.2f, 0.2f)),
                DetectedObject.of("car", 0.3f, new BBox(0.5f, 0.5f, 0.1f, 0.1f)),
                DetectedObject.of("dog", 0.95f, new BBox(0.7f, 0.2f, 0.1f, 0.1f))))));
        Skill skill = TestSkills.fileCamera(video, false).fps(20)
                .node("detector", "test-detector", "camera")
                .node("filter", FilterNode.ID, "detector",
                        Map.of(FilterNode.LABELS, List.of("person", "car"), FilterNode.MIN_CONFIDENCE, 0.5))
                .build();
        Recorder rec = new Recorder();
        double filmedSeconds = (FRAMES - 1) / (double) FILE_FPS;
        int kept = 1 + (int) Math.floor(filmedSeconds * 20); // 20 frames a second of the 0.92 s filmed, and the first
        long t0 = System.nanoTime();
        try (Engine engine = run(skill, nodes, rec)) {
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertEquals(RunState.COMPLETED, engine.state(), engine.stateMessage());
            assertEquals("filter", engine.outputNodeId());
            assertEquals(kept, rec.outputs.size());
            assertTrue(seconds >= filmedSeconds * 0.95, "faster than the file was filmed: " + seconds + " s");
            assertTrue(seconds < 8, "far slower than the file: " + seconds + " s");
            long span = rec.outputs.get(rec.outputs.size() - 1).timestampMillis()
                    - rec.outputs.get(0).timestampMillis();
            assertEquals(Math.round(filmedSeconds * 1000), span, 1, "stamps follow the file's clock");
            for (int i = 1; i < rec.outputs.size(); i++) {
                long gap = rec.outputs.get(i).timestampMillis() - rec.outputs.get(i - 1).timestampMillis();
                assertTrue(gap == 40 || gap == 80 || gap == 39 || gap == 41 || gap == 79 || gap == 81,
                        "a gap of whole 25 fps frames: " + gap);
            }
            for (Frame f : rec.outputs) {
                assertEquals(1, f.objects().size());
                assertEquals("person", f.objects().get(0).label());
                assertEquals(160, f.width());
                assertEquals(120, f.height());
            }
            List<Long> sequences = rec.outputs.stream().map(Frame::sequence).toList();
            List<Long> sorted = new ArrayList<>(sequences);
            Collections.sort(sorted);
            assertEquals(sorted, sequences, "frames left in order");
            NodeMetrics camera = engine.metrics("camera");
            NodeMetrics filter = engine.metrics("filter");
            assertEquals(FRAMES, camera.framesIn(), "every frame decoded");
            assertEquals(kept, camera.framesOut());
            assertEquals(0, camera.drops());
            assertEquals(kept, filter.framesIn());
            assertEquals(kept, filter.framesOut());
            assertEquals(0, filter.errors());
            assertTrue(filter.p95Millis() >= filter.p50Millis());
            assertTrue(engine.summary().fps() > 5, engine.summary().format());
            assertTrue(rec.sourceStates.stream().anyMatch(s -> s.startsWith("LIVE")), rec.sourceStates.toString());
            assertTrue(rec.sourceStates.stream().anyMatch(s -> s.startsWith("ENDED")), rec.sourceStates.toString());
        }
    }

    @Test
    void fanOutSharesTheSameFrameWithoutCopies() throws Exception {
        List<Frame> a = TestNodes.newLog();
        List<Frame> b = TestNodes.newLog();
        TestNodes nodes = new TestNodes().type("test-a", TestNodes.recording(a)).type("test-b", TestNodes.recording(b));
        Skill skill = TestSkills.fileCamera(video, false).fps(50)
                .node("a", "test-a", "camera").node("b", "test-b", "camera").build();
        Recorder rec = new Recorder();
        try (Engine engine = run(skill, nodes, rec, true)) {
            assertEquals(RunState.COMPLETED, engine.state());
            assertEquals(FRAMES, a.size());
            assertEquals(FRAMES, b.size());
            for (int i = 0; i < FRAMES; i++) {
                assertSame(rec.sourceFrames.get(i), a.get(i), "branch a got another Frame object");
                assertSame(rec.sourceFrames.get(i), b.get(i), "branch b got another Frame object");
                assertSame(a.get(i).image().mat(), b.get(i).image().mat());
            }
        }
    }

    @Test
    void slowNodeMakesTheSourceDropToTheLatestFrameWithBoundedLatency() throws Exception {
        TestNodes nodes = new TestNodes().type("test-slow", TestNodes.slow(120));
        Skill skill = TestSkills.fileCamera(video, false).fps(50).node("slow", "test-slow", "camera").build();
        Recorder rec = new Recorder();
        try (Engine engine = run(skill, nodes, rec)) {
            NodeMetrics camera = engine.metrics("camera");
            NodeMetrics slow = engine.metrics("slow");
            assertEquals(FRAMES, camera.framesOut());
            // Every decoded frame was either taken by the slow node or replaced by a newer one: nothing queued.
            assertEquals(camera.framesOut(), slow.framesIn() + camera.drops(), engine.summary().format());
            assertTrue(camera.drops() >= FRAMES / 2, "expected most frames dropped: " + engine.summary().format());
            assertEquals(slow.framesIn(), rec.outputs.size());
            assertTrue(slow.p50Millis() >= 110, "latency of the slow node: " + slow.p50Millis());
            // At most one frame waits: a frame's age at the output stays about two processing times.
            long worst = rec.latencies.stream().mapToLong(Long::longValue).max().orElseThrow();
            assertTrue(worst < 600, "latency grew to " + worst + " ms");
            // The dropped frames are older ones: outputs still come out in order, the last frame included.
            assertEquals(FRAMES - 1, rec.outputs.get(rec.outputs.size() - 1).sequence());
        }
    }

    @Test
    void stagesRunInParallelSoThroughputIsThatOfTheSlowestStage() throws Exception {
        TestNodes nodes = new TestNodes().type("test-s1", TestNodes.slow(40)).type("test-s2", TestNodes.slow(40))
                .type("test-s3", TestNodes.slow(40));
        Skill skill = TestSkills.fileCamera(video, false).node("s1", "test-s1", "camera")
                .node("s2", "test-s2", "s1").node("s3", "test-s3", "s2").build();
        Recorder rec = new Recorder();
        Engine engine = Engine.builder(skill).catalog(nodes.catalog()).registry(nodes.registry()).listener(rec)
                .paced(false).lossless(true).build();
        long t0 = System.nanoTime();
        engine.start();
        assertTrue(engine.awaitCompletion(Duration.ofSeconds(60)));
        double seconds = (System.nanoTime() - t0) / 1e9;
        engine.close();
        assertEquals(FRAMES, rec.outputs.size(), "lossless run processes every frame");
        assertEquals(0, engine.metrics("camera").drops());
        // Sequential would be 24 × 120 ms = 2.9 s; pipelined about 24 × 40 ms + 80 ms = 1.04 s.
        assertTrue(seconds < 2.0, "stages did not overlap: " + seconds + " s");
        assertFileClock(rec.outputs, "unpaced, every frame keeps its own time");
    }

    @Test
    void aNodeThatThrowsIsMarkedErrorAndTheRestKeepRunning() throws Exception {
        AtomicLong calls = new AtomicLong();
        List<Frame> after = TestNodes.newLog();
        List<Frame> sibling = TestNodes.newLog();
        TestNodes nodes = new TestNodes()
                .type("test-flaky", TestNodes.map(f -> {
                    if (calls.incrementAndGet() % 2 == 0) {
                        throw new IllegalStateException("flaky failure on frame " + f.sequence());
                    }
                    return f.withObjects(List.of(DetectedObject.of("x", 1f, new BBox(0, 0, 1, 1))));
                }))
                .type("test-after", TestNodes.recording(after))
                .type("test-sibling", TestNodes.recording(sibling));
        Skill skill = TestSkills.fileCamera(video, false).fps(50)
                .node("flaky", "test-flaky", "camera").node("after", "test-after", "flaky")
                .node("sibling", "test-sibling", "camera").build();
        Recorder rec = new Recorder();
        try (Engine engine = run(skill, nodes, rec, true)) {
            assertEquals(RunState.COMPLETED, engine.state());
            NodeMetrics flaky = engine.metrics("flaky");
            assertEquals(FRAMES / 2, flaky.errors());
            assertTrue(flaky.lastError().startsWith("flaky failure on frame"), flaky.lastError());
            // Failed frames pass through unchanged (no objects); the others carry the node's object.
            assertEquals(FRAMES, after.size());
            assertEquals(FRAMES / 2, after.stream().filter(f -> f.objects().isEmpty()).count());
            assertEquals(FRAMES, sibling.size());
            assertTrue(rec.statuses.stream().anyMatch(s -> s.startsWith("flaky ERROR flaky failure")), rec.statuses.toString());
            assertTrue(rec.statuses.stream().anyMatch(s -> s.startsWith("flaky RUNNING recovered")), rec.statuses.toString());
        }
    }

    @Test
    void loopingFileKeepsDeliveringUntilStopped() throws Exception {
        Skill skill = TestSkills.fileCamera(video, true).fps(100).node("filter", FilterNode.ID, "camera").build();
        Recorder rec = new Recorder();
        Engine engine = Engine.builder(skill).listener(rec).build();
        engine.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (rec.outputs.size() < FRAMES * 2 + 5 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        engine.stop();
        assertTrue(engine.awaitCompletion(Duration.ofSeconds(10)));
        assertTrue(rec.outputs.size() >= FRAMES * 2 + 5, "looping file delivered only " + rec.outputs.size());
        assertFileClock(rec.outputs, "the time line goes on across the loop");
        assertEquals(RunState.STOPPED, engine.state());
        assertTrue(rec.sourceStates.stream().anyMatch(s -> s.startsWith("CLOSED")), rec.sourceStates.toString());
        long outputs = rec.outputs.size();
        Thread.sleep(200);
        assertEquals(outputs, rec.outputs.size(), "frames still flowing after stop");
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().startsWith("sd-node-")
                || t.getName().startsWith("sd-source-")), "engine threads left running");
    }

    @Test
    void missingFileFailsTheRunWithAClearMessage() throws Exception {
        Skill skill = TestSkills.fileCamera(dir.resolve("nope.mp4"), false).node("filter", FilterNode.ID, "camera")
                .build();
        Recorder rec = new Recorder();
        try (Engine engine = run(skill, new TestNodes(), rec)) {
            assertEquals(RunState.FAILED, engine.state());
            assertTrue(engine.stateMessage().contains("video file not found") && engine.stateMessage().contains("nope.mp4"),
                    engine.stateMessage());
            assertTrue(rec.sourceStates.stream().anyMatch(s -> s.startsWith("FAILED: video file not found")));
            assertEquals(NodeState.ERROR, engine.metrics("camera").state());
            assertTrue(rec.outputs.isEmpty());
        }
    }

    @Test
    void invalidSkillIsRejectedWithItsProblems() {
        Skill skill = TestSkills.fileCamera(video, false)
                .node("filter", FilterNode.ID, "camera", Map.of(FilterNode.MIN_CONFIDENCE, 2.0)).build();
        SkillBuildException e = assertThrows(SkillBuildException.class, () -> Engine.builder(skill).build());
        assertTrue(e.problems().stream().anyMatch(p -> p.nodeId().equals("filter")
                && p.setting().equals(FilterNode.MIN_CONFIDENCE)), e.problems().toString());
    }

    @Test
    void nodeTypeWithoutRuntimeIsReported() {
        TestNodes nodes = new TestNodes().type("test-known", TestNodes.slow(0));
        Skill skill = TestSkills.fileCamera(video, false).node("x", "test-known", "camera").build();
        SkillBuildException e = assertThrows(SkillBuildException.class,
                () -> Engine.builder(skill).catalog(nodes.catalog()).registry(NodeRuntimeRegistry.standard()).build());
        assertTrue(e.getMessage().contains("cannot run in the preview"), e.getMessage());
        assertFalse(e.problems().isEmpty());
    }

    /** Consecutive frames of the 25 fps file, stamped one frame interval (40 ms, ms rounding aside) apart. */
    private static void assertFileClock(List<Frame> frames, String what) {
        for (int i = 1; i < frames.size(); i++) {
            long gap = frames.get(i).timestampMillis() - frames.get(i - 1).timestampMillis();
            assertEquals(1000.0 / FILE_FPS, gap, 1.0, what + ": frame " + i);
        }
    }
}
