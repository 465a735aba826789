package io.skilldesigner.app.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.skilldesigner.app.demo.DemoWorkspace;
import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.workspace.Workspace;
import io.skilldesigner.engine.frame.DetectedObject;
import io.skilldesigner.engine.frame.Frame;
import io.skilldesigner.engine.metrics.NodeMetrics;
import io.skilldesigner.engine.runtime.ExportMessage;

/** The demo skill on the demo video, through the real engine, as the Live Preview runs it. */
class PreviewSessionTest {
    @Test
    void demoSkillDetectsClassifiesAndTracksTheBall(@TempDir Path dir) throws Exception {
        NodeCatalog catalog = NodeCatalog.standard();
        Workspace ws = DemoWorkspace.openOrCreate(dir, catalog);
        Skill skill = ws.loadSkill(DemoWorkspace.SKILL_ID);
        List<Frame> withBall = new ArrayList<>();
        List<ExportMessage> messages = new ArrayList<>();
        try (PreviewSession s = PreviewSession.start(skill, catalog, ws.modelLibrary(), ws.root(), null)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            Frame last = null;
            while (System.nanoTime() < deadline && withBall.size() < 20) {
                Frame f = s.latestFrame();
                if (f != null && f != last && !f.objects().isEmpty()) {
                    withBall.add(f);
                }
                last = f;
                messages.addAll(s.drainMessages());
                Thread.sleep(20);
            }
            assertTrue(withBall.size() >= 20, "detections arrive: " + withBall.size() + " frames with the ball, state "
                    + s.runState() + " " + s.runMessage() + " metrics " + s.metrics());
            for (NodeMetrics m : s.metrics()) {
                assertEquals(0, m.errors(), m.nodeId() + " ran without errors: " + m.lastError());
            }
            Thread.sleep(500);
            messages.addAll(s.drainMessages());
            assertEquals("CPU", s.runtimeInfo().get("detector").get("provider"), "provider shown per model");
            assertEquals("CPU", s.runtimeInfo().get("classifier").get("provider"));
            assertTrue(ProviderText.describe(s.runtimeInfo()).contains("detector: CPU"));

            Path video = dir.resolve("recordings/session.mkv");
            s.startRecording(video);
            Thread.sleep(2500);
            SessionRecorder r = s.stopRecording();
            assertEquals("", r.error());
            assertTrue(r.written() > 10, "frames recorded: " + r.written());
            try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(video.toFile())) {
                g.start();
                int frames = 0;
                while (g.grabImage() != null) {
                    frames++;
                }
                assertEquals(r.written(), frames, "one video frame per recorded output frame");
            }
            List<String> lines = Files.readAllLines(r.insights());
            assertEquals(r.written(), lines.size(), "one insights line per video frame");
            assertTrue(lines.get(0).startsWith("{\"image\":{\"properties\""), lines.get(0));
        }
        // the tracker confirms a track after minHits (3) frames; from then on every frame carries its id
        int confirmAfter = 3;
        for (int i = 0; i < withBall.size(); i++) {
            Frame f = withBall.get(i);
            assertEquals(1, f.objects().size(), "exactly one ball per frame");
            DetectedObject ball = f.objects().get(0);
            assertEquals("ball", ball.label());
            assertFalse(ball.attributes().isEmpty(), "the colour classifier ran on the ball's crop");
            assertTrue(Set.of("red", "green", "blue", "yellow").contains(ball.attributes().get(0).label()),
                    ball.attributes().toString());
            if (i >= confirmAfter) {
                assertNotNull(ball.tracking(), "the tracker gave the ball an id in frame " + i);
            }
            assertTrue(ball.bbox().w() > 0.05 && ball.bbox().w() < 0.2, "ball box width " + ball.bbox());
        }
        Set<String> trackIds = withBall.stream().skip(confirmAfter).map(f -> f.objects().get(0).tracking().trackingId())
                .collect(Collectors.toSet());
        assertTrue(trackIds.size() <= 2, "one ball keeps (nearly) one track id: " + trackIds);
        assertFalse(messages.isEmpty(), "the IoT Hub export showed the message it would send");
        ExportMessage m = messages.get(0);
        assertEquals("metrics", m.target());
        assertTrue(m.body().contains("\"label\":\"ball\""), m.body());
    }
}
