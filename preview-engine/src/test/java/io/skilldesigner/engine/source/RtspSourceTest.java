package io.skilldesigner.engine.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;

import io.skilldesigner.core.catalog.nodes.CameraInputNode;
import io.skilldesigner.core.catalog.nodes.FilterNode;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.engine.Engine;
import io.skilldesigner.engine.EngineListener;
import io.skilldesigner.engine.RunState;
import io.skilldesigner.engine.TestSkills;
import io.skilldesigner.engine.frame.Frame;

/** RTSP from a real GStreamer RTSP server started by the test, killed and restarted mid-stream. */
class RtspSourceTest {
    public static final class Watch implements EngineListener {
        final AtomicLong outputs = new AtomicLong();
        final List<String> states = new CopyOnWriteArrayList<>();
        volatile int width;

        @Override
        public void onOutput(Frame frame) {
            outputs.incrementAndGet();
            width = frame.width();
        }

        @Override
        public void onSourceState(String nodeId, SourceState state, String message) {
            states.add(state + ": " + message);
        }

        boolean saw(SourceState s) {
            return states.stream().anyMatch(x -> x.startsWith(s.name()));
        }

        long count(SourceState s) {
            return states.stream().filter(x -> x.startsWith(s.name())).count();
        }
    }

    static void waitFor(BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    @Test
    void streamGoesLiveThenReconnectsAfterTheServerIsKilledAndRestarted() throws Exception {
        int port = GstRtspServer.freePort();
        try (GstRtspServer server = new GstRtspServer(port, "cam").start()) {
            Skill skill = TestSkills.rtspCamera(server.url()).fps(10).node("filter", FilterNode.ID, "camera").build();
            SourceSpec spec = SourceSpec.rtsp(server.url(), "tcp")
                    .withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(2))
                    .withReconnect(new ReconnectPolicy(Duration.ofMillis(200), Duration.ofSeconds(1), 0));
            Watch watch = new Watch();
            try (Engine engine = Engine.builder(skill).sourceOverride(spec).listener(watch).build()) {
                engine.start();
                waitFor(() -> watch.outputs.get() >= 10, Duration.ofSeconds(30), "first frames");
                assertTrue(watch.saw(SourceState.LIVE), watch.states.toString());
                assertEquals(320, watch.width);
                // Paced to 10 fps out of a 15 fps stream: some camera frames are skipped, not queued.
                long before = watch.outputs.get();
                Thread.sleep(1000);
                long perSecond = watch.outputs.get() - before;
                assertTrue(perSecond >= 6 && perSecond <= 12, "expected about 10 fps, got " + perSecond);

                server.kill();
                waitFor(() -> watch.saw(SourceState.RECONNECTING), Duration.ofSeconds(20), "RECONNECTING");
                long lives = watch.count(SourceState.LIVE);
                long atLoss = watch.outputs.get();
                server.start();
                waitFor(() -> watch.count(SourceState.LIVE) > lives, Duration.ofSeconds(30), "LIVE again");
                waitFor(() -> watch.outputs.get() >= atLoss + 10, Duration.ofSeconds(30), "frames after restart");
                assertEquals(RunState.RUNNING, engine.state());
                assertTrue(engine.metrics("camera").errors() == 0, engine.summary().format());
            }
        }
    }

    /** A camera mounted on its side: the camera input's Turn frames turns the real stream's frames (320x240). */
    @Test
    void aCameraMountedOnItsSideIsTurned() throws Exception {
        try (GstRtspServer server = new GstRtspServer(GstRtspServer.freePort(), "side").start()) {
            Skill skill = TestSkills.rtspCamera(server.url()).fps(15).node("filter", FilterNode.ID, "camera").build()
                    .updateNode("camera", n -> n.withSetting(CameraInputNode.TURN, "90"));
            Watch watch = new Watch();
            try (Engine engine = Engine.builder(skill).listener(watch).build()) {
                engine.start();
                waitFor(() -> watch.outputs.get() >= 5, Duration.ofSeconds(30), "turned frames");
                assertEquals(240, watch.width, "320x240 turned a quarter");
                assertTrue(watch.states.stream().anyMatch(m -> m.startsWith("LIVE") && m.contains(
                        "(turned 90° clockwise, as the camera input's Turn frames setting says)")),
                        watch.states.toString());
            }
        }
    }

    @Test
    void udpTransportDeliversFramesToo() throws Exception {
        try (GstRtspServer server = new GstRtspServer(GstRtspServer.freePort(), "udp").start()) {
            Skill skill = TestSkills.rtspCamera(server.url()).fps(15).node("filter", FilterNode.ID, "camera").build();
            SourceSpec spec = SourceSpec.rtsp(server.url(), "udp")
                    .withReconnect(new ReconnectPolicy(Duration.ofMillis(200), Duration.ofSeconds(1), 3));
            Watch watch = new Watch();
            try (Engine engine = Engine.builder(skill).sourceOverride(spec).listener(watch).build()) {
                engine.start();
                waitFor(() -> watch.outputs.get() >= 10, Duration.ofSeconds(30), "frames over UDP");
                assertEquals(320, watch.width);
                assertTrue(watch.saw(SourceState.LIVE), watch.states.toString());
            }
        }
    }

    @Test
    void closedPortFailsWithAClearMessageAfterTheAttemptsAllowed() throws Exception {
        int port = GstRtspServer.freePort();
        String url = "rtsp://user:secret@127.0.0.1:" + port + "/nothing";
        Skill skill = TestSkills.rtspCamera(url).node("filter", FilterNode.ID, "camera").build();
        SourceSpec spec = SourceSpec.rtsp(url, "tcp").withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2))
                .withReconnect(new ReconnectPolicy(Duration.ofMillis(100), Duration.ofMillis(400), 3));
        Watch watch = new Watch();
        try (Engine engine = Engine.builder(skill).sourceOverride(spec).listener(watch).build()) {
            engine.start();
            assertTrue(engine.awaitCompletion(Duration.ofSeconds(30)));
            assertEquals(RunState.FAILED, engine.state());
            String message = engine.stateMessage();
            assertTrue(message.contains("cannot connect to RTSP stream rtsp://***@127.0.0.1:" + port + "/nothing")
                    && message.contains("after 3 attempt"), message);
            assertTrue(!message.contains("secret") && watch.states.stream().noneMatch(s -> s.contains("secret")),
                    "credentials leaked: " + watch.states);
            assertEquals(2, watch.count(SourceState.RECONNECTING), watch.states.toString());
            assertTrue(watch.saw(SourceState.FAILED));
            assertEquals(0, watch.outputs.get());
        }
    }
}
