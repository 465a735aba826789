package io.skilldesigner.engine.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.skilldesigner.core.catalog.nodes.FilterNode;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.engine.Engine;
import io.skilldesigner.engine.RunState;
import io.skilldesigner.engine.TestSkills;
import io.skilldesigner.engine.TestVideos;

/**
 * The stop crash (SIGSEGV in Mat.copyTo while another thread released the grabber): runs are stopped at random
 * moments while frames are being decoded, on a file and on a real RTSP stream, also right after reconnects. A
 * use-after-free kills this JVM, so the test fails by the fork dying; it also checks every grabber thread ends.
 */
class StopWhileGrabbingTest {
    @TempDir
    Path dir;

    static long grabberThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("sd-grabber-"))
                .filter(Thread::isAlive).count();
    }

    static void awaitNoGrabberThreads() throws InterruptedException {
        RtspSourceTest.waitFor(() -> grabberThreads() == 0, Duration.ofSeconds(20),
                "every grabber released (" + grabberThreads() + " left)");
    }

    /** Kills the camera, waits until the run noticed, restarts it and waits until the run is live again. */
    static void killAndBringBack(GstRtspServer server, RtspSourceTest.Watch watch) throws Exception {
        server.kill();
        RtspSourceTest.waitFor(() -> watch.saw(SourceState.RECONNECTING), Duration.ofSeconds(20), "RECONNECTING");
        long lives = watch.count(SourceState.LIVE);
        server.start();
        RtspSourceTest.waitFor(() -> watch.count(SourceState.LIVE) > lives, Duration.ofSeconds(30), "LIVE again");
    }

    @Test
    void manyShortRunsOnAFileStoppedWhileDecoding() throws Exception {
        Path video = TestVideos.movingSquare(dir.resolve("clip.mp4"), 60, 640, 480, 30);
        Skill skill = TestSkills.fileCamera(video, true).fps(30).node("filter", FilterNode.ID, "camera").build();
        Random random = new Random(19);
        for (int i = 0; i < 40; i++) {
            RtspSourceTest.Watch watch = new RtspSourceTest.Watch();
            Engine engine = Engine.builder(skill).listener(watch).paced(i % 2 == 0).build();
            engine.start();
            Thread.sleep(random.nextInt(120));
            engine.stop();
            assertTrue(engine.awaitCompletion(Duration.ofSeconds(10)), "stop did not end the run");
            assertEquals(RunState.STOPPED, engine.state());
        }
        awaitNoGrabberThreads();
    }

    @Test
    void rtspRunsStoppedWhileGrabbingAlsoAfterReconnects() throws Exception {
        try (GstRtspServer server = new GstRtspServer(GstRtspServer.freePort(), "cam").start()) {
            Skill skill = TestSkills.rtspCamera(server.url()).fps(15).node("filter", FilterNode.ID, "camera").build();
            SourceSpec spec = SourceSpec.rtsp(server.url(), "tcp");
            Random random = new Random(13);
            for (int i = 0; i < 12; i++) {
                RtspSourceTest.Watch watch = new RtspSourceTest.Watch();
                try (Engine engine = Engine.builder(skill).sourceOverride(spec).listener(watch).build()) {
                    engine.start();
                    RtspSourceTest.waitFor(() -> watch.outputs.get() >= 1, Duration.ofSeconds(30), "a frame");
                    if (i % 3 == 0) {
                        // Lose the camera and get it back, then stop while frames flow again.
                        killAndBringBack(server, watch);
                    }
                    Thread.sleep(random.nextInt(150));
                }
            }
            awaitNoGrabberThreads();
        }
    }
}
