package io.skilldesigner.engine.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.skilldesigner.core.catalog.EffectiveSettings;
import io.skilldesigner.core.catalog.nodes.CameraInputNode;

class SourcePartsTest {
    @Test
    void commandLineSourcesAreParsed() {
        assertEquals(SourceSpec.Kind.WEBCAM, SourceSpec.parse("webcam:1").kind());
        assertEquals("1", SourceSpec.parse("webcam:1").location());
        SourceSpec rtsp = SourceSpec.parse("rtsp://u:p@cam:554/live");
        assertEquals(SourceSpec.Kind.RTSP, rtsp.kind());
        assertEquals("tcp", rtsp.rtspTransport());
        assertEquals("RTSP stream rtsp://***@cam:554/live", rtsp.describe());
        SourceSpec file = SourceSpec.parse("clips/a.mp4");
        assertEquals(SourceSpec.Kind.FILE, file.kind());
        assertFalse(file.loop());
        assertThrows(IllegalArgumentException.class, () -> SourceSpec.parse("webcam:"));
        assertThrows(IllegalArgumentException.class, () -> SourceSpec.rtsp("rtsp://x", "quic"));
    }

    @Test
    void cameraInputSettingsBecomeASpec() {
        SourceSpec s = SourceSpec.fromSettings(EffectiveSettings.of(new CameraInputNode(), "cam", Map.of(
                CameraInputNode.SOURCE_KIND, "file", CameraInputNode.FILE_PATH_KEY, "v.mp4", CameraInputNode.LOOP, false)),
                p -> "/ws/" + p);
        assertEquals("/ws/v.mp4", s.location());
        assertFalse(s.loop());
        SourceSpec r = SourceSpec.fromSettings(EffectiveSettings.of(new CameraInputNode(), "cam", Map.of(
                CameraInputNode.SOURCE_KIND, "rtsp", CameraInputNode.RTSP_URL, "rtsp://h/x",
                CameraInputNode.RTSP_TRANSPORT, "udp")), p -> p);
        assertEquals("udp", r.rtspTransport());
    }

    @Test
    void aCameraTurnIsReadFromItsSettingWithAClearErrorWhenItIsNotOne() {
        SourceSpec turned = SourceSpec.fromSettings(EffectiveSettings.of(new CameraInputNode(), "cam", Map.of(
                CameraInputNode.SOURCE_KIND, "file", CameraInputNode.FILE_PATH_KEY, "v.mp4",
                CameraInputNode.TURN, "270")), p -> p);
        assertEquals(FrameRotation.COUNTERCLOCKWISE_90, turned.turn());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SourceSpec.turnOf(
                EffectiveSettings.of(new CameraInputNode(), "cam", Map.of(CameraInputNode.TURN, "$param(turn)"))));
        assertEquals("Turn frames must be 0, 90, 180 or 270 (degrees clockwise), not '$param(turn)'", e.getMessage());
    }

    @Test
    void backoffDoublesUpToTheMaximum() {
        ReconnectPolicy p = new ReconnectPolicy(Duration.ofMillis(500), Duration.ofSeconds(3), 0);
        assertEquals(List.of(500L, 1000L, 2000L, 3000L, 3000L),
                List.of(1, 2, 3, 4, 5).stream().map(a -> p.delayBefore(a).toMillis()).toList());
        assertFalse(p.givesUpAfter(1000));
        assertTrue(new ReconnectPolicy(Duration.ZERO, Duration.ZERO, 2).givesUpAfter(2));
    }

    @Test
    void pacerSubsamplesALiveSourceToTheDesiredFps() {
        FramePacer pacer = new FramePacer(10); // 100 ms
        int admitted = 0;
        for (int i = 0; i < 30; i++) { // one second of a 30 fps camera
            if (pacer.admit(i * 33_333_333L)) {
                admitted++;
            }
        }
        assertEquals(10, admitted);
    }

    @Test
    void pacerTakesEveryFrameOfAJitteryCameraAtTheSameFps() {
        FramePacer pacer = new FramePacer(15);
        java.util.Random random = new java.util.Random(7);
        long interval = 66_666_667L;
        int admitted = 0;
        int frames = 15 * 60;
        long previous = Long.MIN_VALUE / 2;
        for (int i = 0; i < frames; i++) {
            // ±10 ms of network jitter, and every 20th frame delayed until just before its successor (a burst)
            long jitter = (long) ((random.nextDouble() - 0.5) * 20_000_000L);
            long t = Math.max(previous + 1_000_000L, i % 20 == 10 ? (i + 1) * interval - 2_000_000L
                    : i * interval + jitter); // frames arrive in order
            previous = t;
            if (pacer.admit(t)) {
                admitted++;
            }
        }
        assertEquals(frames, admitted, "a 15 fps skill on a 15 fps camera must process every frame");
        FramePacer half = new FramePacer(15);
        int halfAdmitted = 0;
        for (int i = 0; i < 30 * 10; i++) { // ten seconds of a 30 fps camera with ±5 ms jitter
            if (half.admit(i * 33_333_333L + (long) ((random.nextDouble() - 0.5) * 10_000_000L))) {
                halfAdmitted++;
            }
        }
        assertTrue(halfAdmitted >= 148 && halfAdmitted <= 152, "15 of 30 fps, got " + halfAdmitted);
    }

    @Test
    void transportComesFromTheUrlParameterWhichIsRemoved() {
        SourceSpec udp = SourceSpec.parse("rtsp://cam/stream?transport=udp");
        assertEquals("udp", udp.rtspTransport());
        assertEquals("rtsp://cam/stream", udp.location());
        SourceSpec kept = SourceSpec.parse("rtsp://cam/s?channel=1&transport=udp&subtype=0");
        assertEquals("udp", kept.rtspTransport());
        assertEquals("rtsp://cam/s?channel=1&subtype=0", kept.location());
        assertEquals("tcp", SourceSpec.parse("rtsp://cam/s").rtspTransport());
    }

    @Test
    void ffmpegErrorNumbersBecomeWordsThatNameTheUrl() {
        String url = "rtsp://admin:pw@10.0.0.5:554/nope";
        String described = "RTSP stream rtsp://***@10.0.0.5:554/nope";
        SourceProblem notFound = SourceProblem.of(new RuntimeException("avformat_open_input() error -875574520: "
                + "Could not open input \"" + url + "\". (Has setFormat() been called?)"), url, described);
        assertTrue(notFound.permanent());
        assertTrue(notFound.words().startsWith("RTSP 404 not found: /nope"), notFound.words());
        assertFalse(notFound.words().contains("pw"), notFound.words());
        SourceProblem refused = SourceProblem.of(new RuntimeException("avformat_open_input() error -111: x"), url,
                described);
        assertFalse(refused.permanent());
        assertTrue(refused.words().startsWith("connection refused"), refused.words());
        assertTrue(SourceProblem.ofCode(-825242872, url, described).words().startsWith("401 unauthorized"));
        assertTrue(SourceProblem.checkRtspUrl("rtsp://").permanent());
        assertEquals(null, SourceProblem.checkRtspUrl(url));
    }

    @Test
    void pacerSpacesFileFramesAndRestartsAfterAStall() {
        FramePacer pacer = new FramePacer(20); // 50 ms
        assertEquals(0, pacer.delayNanos(0));
        pacer.emitted(0);
        assertEquals(50_000_000L, pacer.delayNanos(0));
        assertEquals(20_000_000L, pacer.delayNanos(30_000_000L));
        pacer.emitted(50_000_000L);
        pacer.emitted(1_000_000_000L); // stalled for a second
        assertEquals(50_000_000L, pacer.delayNanos(1_000_000_000L), "no burst to catch up");
        assertEquals(0, new FramePacer(0).delayNanos(5));
    }

    @Test
    void webcamInputUsesEachSystemsDeviceSyntax() {
        assertEquals("/dev/video0", WebcamSource.input("0", WebcamSource.OsFamily.LINUX));
        assertEquals("/dev/v4l/by-id/cam", WebcamSource.input("/dev/v4l/by-id/cam", WebcamSource.OsFamily.LINUX));
        assertEquals("video=Integrated Camera", WebcamSource.input("Integrated Camera", WebcamSource.OsFamily.WINDOWS));
        assertEquals("0:none", WebcamSource.input("0", WebcamSource.OsFamily.MAC));
        assertEquals("v4l2", WebcamSource.OsFamily.LINUX.ffmpegFormat());
        assertEquals("dshow", WebcamSource.OsFamily.WINDOWS.ffmpegFormat());
        assertEquals("avfoundation", WebcamSource.OsFamily.MAC.ffmpegFormat());
    }

    @Test
    void webcamDevicesListVideoNodesWithTheirNames(@TempDir Path dir) throws Exception {
        Path dev = Files.createDirectories(dir.resolve("dev"));
        Path sys = Files.createDirectories(dir.resolve("sys"));
        Files.createFile(dev.resolve("video10"));
        Files.createFile(dev.resolve("video2"));
        Files.createFile(dev.resolve("null"));
        Files.createDirectories(sys.resolve("video2"));
        Files.writeString(sys.resolve("video2/name"), "USB Camera\n");
        List<WebcamDevice> devices = new WebcamDevices(dev, sys).list();
        assertEquals(List.of(new WebcamDevice("2", "USB Camera (/dev/video2)"),
                new WebcamDevice("10", "/dev/video10")), devices);
    }

    @Test
    void decodedPixelsAreMemoryJavaCppCountsSoItCollectsThemInTime(@TempDir Path dir) throws Exception {
        Path video = io.skilldesigner.engine.TestVideos.movingSquare(dir.resolve("v.mp4"), 3, 320, 240, 10);
        try (VideoFileSource s = new VideoFileSource(SourceSpec.file(video.toString(), false), SourceStateListener.NONE)) {
            s.open();
            long before = org.bytedeco.javacpp.Pointer.totalBytes();
            io.skilldesigner.engine.frame.FrameImage a = s.read();
            io.skilldesigner.engine.frame.FrameImage b = s.read();
            assertTrue(org.bytedeco.javacpp.Pointer.totalBytes() - before >= 2L * 320 * 240 * 3,
                    "frame pixels not counted by JavaCPP");
            assertTrue(a.mat().data().address() != b.mat().data().address(), "frames must not share pixels");
            assertEquals(320, a.width());
            assertEquals(240, b.height());
        }
    }

    @Test
    void webcamThatDoesNotExistFailsWithTheDeviceInTheMessage() throws Exception {
        List<String> states = new java.util.concurrent.CopyOnWriteArrayList<>();
        SourceSpec spec = SourceSpec.webcam("/dev/video-missing-77")
                .withReconnect(new ReconnectPolicy(Duration.ofMillis(10), Duration.ofMillis(10), 1));
        try (FrameSource s = SourceFactory.standard().create(spec, (st, m) -> states.add(st + " " + m))) {
            SourceException e = assertThrows(SourceException.class, s::open);
            assertTrue(e.getMessage().contains("webcam /dev/video-missing-77"), e.getMessage());
        }
        assertTrue(states.stream().anyMatch(x -> x.startsWith("FAILED")), states.toString());
    }
}
