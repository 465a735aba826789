package io.skilldesigner.engine.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.skilldesigner.core.catalog.nodes.GrpcCustomNode;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.engine.Engine;
import io.skilldesigner.engine.EngineListener;
import io.skilldesigner.engine.RunState;
import io.skilldesigner.engine.TestSkills;
import io.skilldesigner.engine.TestVideos;
import io.skilldesigner.engine.frame.DetectedObject;
import io.skilldesigner.engine.frame.Frame;
import io.skilldesigner.engine.grpc.proto.ColorFormat;
import io.skilldesigner.engine.grpc.proto.ImageType;
import io.skilldesigner.engine.grpc.proto.ProcessRequestType;
import io.skilldesigner.engine.grpc.proto.ProcessResponseType;
import io.skilldesigner.engine.metrics.NodeMetrics;
import io.skilldesigner.engine.runtime.NodeState;

/** The node inside a real run (video file → gRPC node), found through the standard catalog and registry. */
class GrpcNodeInEngineTest {
    private static final int FRAMES = 20;

    @TempDir
    static Path dir;
    static Path video;

    @BeforeAll
    static void writeVideo() throws Exception {
        video = TestVideos.movingSquare(dir.resolve("square.mp4"), FRAMES, 160, 120, 20);
    }

    private static final class Outputs implements EngineListener {
        final List<Frame> frames = new CopyOnWriteArrayList<>();

        @Override
        public void onOutput(Frame frame) {
            frames.add(frame);
        }
    }

    private static Skill skill(String endpoint) {
        return TestSkills.fileCamera(video, false).fps(20).node("colour", GrpcCustomNode.ID, "camera", Map.of(
                GrpcCustomNode.MODE, GrpcCustomNode.ENDPOINT, GrpcCustomNode.ENDPOINT_URL, endpoint,
                GrpcCustomNode.DEADLINE_MS, 3000)).build();
    }

    @Test
    void everyFrameGoesThroughTheReferenceServer() throws Exception {
        var options = ReferenceServerOptions.loopback(ImageType.IMAGE_TYPE_JPEG, ColorFormat.COLOR_FORMAT_RGB,
                ProcessRequestType.FRAME_WITH_IMAGE, ProcessResponseType.IMAGE_AND_INSIGHTS_META);
        try (var server = ReferenceCustomNodeServer.start(options)) {
            Outputs out = new Outputs();
            var statuses = new TestFrames.Statuses();
            try (Engine engine = Engine.builder(skill("127.0.0.1:" + server.port())).listener(out)
                    .nodeStatus(statuses).lossless(true).build()) {
                engine.start();
                assertTrue(engine.awaitCompletion(Duration.ofSeconds(60)), "run did not end");
                assertEquals(RunState.COMPLETED, engine.state(), engine.stateMessage());
                assertEquals(FRAMES, out.frames.size());
                for (Frame f : out.frames) {
                    assertEquals(List.of("red"), f.objects().stream().map(DetectedObject::label).toList(),
                            "frame " + f.frameId());
                }
                assertEquals(FRAMES, server.service().frames());
                NodeMetrics m = engine.metrics("colour");
                assertEquals(FRAMES, m.framesOut());
                assertEquals(0, m.errors(), m.lastError());
                Map<String, String> info = engine.runtimeInfo().get("colour");
                assertEquals("127.0.0.1:" + server.port(), info.get("endpoint"));
                assertTrue(info.get("negotiated").contains("IMAGE_AND_INSIGHTS_META"), info.toString());
                assertTrue(statuses.states().contains(NodeState.RUNNING), statuses.entries.toString());
            }
        }
    }

    @Test
    void endpointDownLeavesTheRestOfTheSkillRunning() throws Exception {
        int port;
        try (var probe = new java.net.ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Outputs out = new Outputs();
        var statuses = new TestFrames.Statuses();
        try (Engine engine = Engine.builder(skill("127.0.0.1:" + port)).listener(out).nodeStatus(statuses)
                .lossless(true).build()) {
            engine.start();
            assertTrue(engine.awaitCompletion(Duration.ofSeconds(60)), "run did not end");
            assertEquals(RunState.COMPLETED, engine.state(), engine.stateMessage());
            assertEquals(FRAMES, out.frames.size(), "frames pass through the node while its endpoint is down");
            assertTrue(out.frames.stream().allMatch(f -> f.objects().isEmpty()));
            var error = statuses.entries.stream().filter(e -> e.state() == NodeState.ERROR).findFirst()
                    .orElseThrow(() -> new AssertionError("no ERROR status: " + statuses.entries));
            assertEquals("colour", error.nodeId());
            assertTrue(error.message().contains("127.0.0.1:" + port), error.message());
            NodeMetrics m = engine.metrics("colour");
            assertTrue(m.errors() >= 1 && m.lastError().contains("UNAVAILABLE"), m.toString());
            List<NodeState> colour = statuses.entries.stream().filter(e -> e.nodeId().equals("colour"))
                    .map(TestFrames.Statuses.Entry::state).toList();
            assertFalse(colour.subList(colour.indexOf(NodeState.ERROR), colour.size()).contains(NodeState.RUNNING),
                    "the endpoint never came up, so the badge must not say RUNNING after the ERROR: " + colour);
        }
    }
}
