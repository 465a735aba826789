package io.skilldesigner.engine.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.google.common.primitives.Bytes;

import io.skilldesigner.core.catalog.nodes.CameraInputNode;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.engine.Engine;
import io.skilldesigner.engine.TestNodes;
import io.skilldesigner.engine.TestSkills;
import io.skilldesigner.engine.frame.Frame;
import io.skilldesigner.engine.frame.FrameImage;
import io.skilldesigner.engine.model.TestModels;

/**
 * Phone videos: frames stored sideways plus a display matrix that says how to show them. Built from the real street
 * video's frames, stored turned the way a phone stores a portrait clip; reading it back must give the original
 * upright frames (up to the encoder's loss: PSNR well above what any other orientation reaches).
 */
class VideoRotationTest {
    private static final Path STREET = TestModels.shared().resolve("media/video/one-by-one-person-detection.mp4");
    private static final int FRAMES = 4;
    /** QuickTime's matrix for "show turned 90° clockwise" (a 0, b 1, c −1, d 0 in 16.16): what phones write. */
    private static final int[] QUICKTIME_CLOCKWISE_90 = {0, 0x10000, -0x10000, 0};
    /** The frames read back against the originals; the same frames turned any other way stay below 15 dB. */
    private static final double UPRIGHT_PSNR_DB = 30;

    private static final List<Mat> upright = new ArrayList<>();

    @BeforeAll
    static void readTheRealVideo() throws Exception {
        try (VideoFileSource s = new VideoFileSource(SourceSpec.file(STREET.toString(), false),
                SourceStateListener.NONE)) {
            s.open();
            for (int i = 0; i < FRAMES; i++) {
                FrameImage img = s.read();
                upright.add(img.mat().clone());
                img.release();
            }
        }
        assertEquals(768, upright.get(0).cols());
        assertEquals(432, upright.get(0).rows());
    }

    @AfterAll
    static void free() {
        upright.forEach(Mat::close);
    }

    /**
     * @param displayRotation what the file's display matrix says (FFmpeg's counterclockwise degrees; a phone held
     *                        upright writes −90)
     * @param storedTurn      how the stored frames are turned from upright (the opposite of what showing them does)
     */
    @ParameterizedTest
    @CsvSource({"-90, 2, turned 90° clockwise", "90, 0, turned 90° counterclockwise", "180, 1, turned 180°"})
    void aTurnedVideoIsReadUpright(double displayRotation, int storedTurn, String note, @TempDir Path dir)
            throws Exception {
        Path phone = dir.resolve("phone.mov");
        writeTurned(phone, storedTurn, displayRotation);
        if (displayRotation == -90) {
            assertArrayEquals(QUICKTIME_CLOCKWISE_90, trackMatrix(phone), "the file carries a phone's portrait matrix");
        }
        List<String> states = new CopyOnWriteArrayList<>();
        try (VideoFileSource s = new VideoFileSource(SourceSpec.file(phone.toString(), false),
                (state, message) -> states.add(state + " " + message))) {
            s.open();
            for (int i = 0; i < FRAMES; i++) {
                FrameImage img = s.read();
                try {
                    assertEquals(768, img.width(), "frame " + i + " width");
                    assertEquals(432, img.height(), "frame " + i + " height");
                    double psnr = opencv_core.PSNR(img.mat(), upright.get(i));
                    assertTrue(psnr > UPRIGHT_PSNR_DB, "frame " + i + " is not the upright original: PSNR " + psnr);
                } finally {
                    img.release();
                }
            }
            assertNull(s.read());
        }
        assertTrue(states.stream().anyMatch(m -> m.startsWith("LIVE") && m.contains(note)), states.toString());
    }

    /**
     * A camera mounted on its side: the camera input's Turn frames setting turns every frame before the nodes see
     * it, also for a run's own source in the camera's place; a source that says its own turn (a recording's
     * replay, turned already) is taken as it comes.
     */
    @Test
    void aCameraInputsTurnTurnsTheFramesItsNodesSee() throws Exception {
        Skill skill = TestSkills.fileCamera(STREET, false).node("seen", "test-seen", "camera").build()
                .updateNode("camera", n -> n.withSetting(CameraInputNode.TURN, "90"));
        try (Mat clockwise = new Mat()) {
            opencv_core.rotate(upright.get(0), clockwise, opencv_core.ROTATE_90_CLOCKWISE);
            assertSame(clockwise, firstFrameSeen(skill, null), "the camera's own file");
            assertSame(clockwise, firstFrameSeen(skill, SourceSpec.file(STREET.toString(), false)),
                    "a run's own source in the camera's place");
        }
        assertSame(upright.get(0), firstFrameSeen(skill, SourceSpec.file(STREET.toString(), false)
                .withTurn(FrameRotation.NONE)), "a source that says it is turned already");
    }

    private static Mat firstFrameSeen(Skill skill, SourceSpec override) throws Exception {
        List<Frame> seen = TestNodes.newLog();
        TestNodes nodes = new TestNodes().type("test-seen", TestNodes.recording(seen));
        try (Engine engine = Engine.builder(skill).catalog(nodes.catalog()).registry(nodes.registry())
                .sourceOverride(override).paced(false).lossless(true).build()) {
            engine.start();
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (seen.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            engine.stop();
            assertTrue(engine.awaitCompletion(Duration.ofSeconds(10)));
            assertTrue(!seen.isEmpty(), "no frame reached the node");
            Mat first = seen.get(0).image().mat().clone();
            seen.forEach(f -> f.image().release());
            return first;
        }
    }

    private static void assertSame(Mat expected, Mat actual, String what) {
        try (actual) {
            assertEquals(expected.cols() + "x" + expected.rows(), actual.cols() + "x" + actual.rows(), what);
            assertEquals(0.0, opencv_core.norm(expected, actual, opencv_core.NORM_INF, null), what);
        }
    }

    @Test
    void displayMatricesRoundToQuarterTurns() {
        assertEquals(FrameRotation.NONE, FrameRotation.fromDisplayMatrix(0));
        assertEquals(FrameRotation.NONE, FrameRotation.fromDisplayMatrix(Double.NaN));
        assertEquals(FrameRotation.NONE, FrameRotation.fromDisplayMatrix(45));
        assertEquals(FrameRotation.CLOCKWISE_90, FrameRotation.fromDisplayMatrix(-90));
        assertEquals(FrameRotation.CLOCKWISE_90, FrameRotation.fromDisplayMatrix(-89.2));
        assertEquals(FrameRotation.COUNTERCLOCKWISE_90, FrameRotation.fromDisplayMatrix(90));
        assertEquals(FrameRotation.HALF_TURN, FrameRotation.fromDisplayMatrix(180));
        assertEquals(FrameRotation.HALF_TURN, FrameRotation.fromDisplayMatrix(-180));
        assertEquals("", FrameRotation.note(FrameRotation.NONE, FrameRotation.NONE));
        assertEquals(FrameRotation.HALF_TURN, FrameRotation.CLOCKWISE_90.then(FrameRotation.CLOCKWISE_90));
        assertEquals(FrameRotation.NONE, FrameRotation.COUNTERCLOCKWISE_90.then(FrameRotation.CLOCKWISE_90));
        assertEquals(FrameRotation.COUNTERCLOCKWISE_90, FrameRotation.clockwise(270));
        assertEquals(FrameRotation.COUNTERCLOCKWISE_90, FrameRotation.clockwise(-90));
        assertEquals(" (turned 90° clockwise, as its display matrix asks, then 180°, as the camera input's Turn"
                + " frames setting says)", FrameRotation.note(FrameRotation.CLOCKWISE_90, FrameRotation.HALF_TURN));
    }

    private static void writeTurned(Path file, int storedTurn, double displayRotation) throws Exception {
        boolean quarter = storedTurn != opencv_core.ROTATE_180;
        int w = quarter ? 432 : 768;
        int h = quarter ? 768 : 432;
        try (FFmpegFrameRecorder rec = new FFmpegFrameRecorder(file.toString(), w, h, 0);
             OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
            rec.setFormat("mov");
            // MPEG-4 part 2 at its best quality (JavaCV 1.5.13 crashes writing a display matrix with PNG, lossless)
            rec.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            rec.setVideoQuality(1);
            rec.setFrameRate(10);
            rec.setDisplayRotation(displayRotation);
            rec.start();
            for (Mat m : upright) {
                try (Mat stored = new Mat()) {
                    opencv_core.rotate(m, stored, storedTurn);
                    rec.record(converter.convert(stored));
                }
            }
            rec.stop();
        }
    }

    /** a, b, c, d of the first track header's matrix, read from the file's bytes (ISO/IEC 14496-12 'tkhd'). */
    private static int[] trackMatrix(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        int at = Bytes.indexOf(bytes, "tkhd".getBytes(StandardCharsets.US_ASCII));
        assertTrue(at > 0, "no track header");
        int version = bytes[at + 4];
        // version/flags, times and track id, reserved, duration, reserved 8, layer, group, volume, reserved 2
        int matrix = at + 4 + 4 + (version == 1 ? 8 + 8 + 4 + 4 + 8 : 4 + 4 + 4 + 4 + 4) + 8 + 2 + 2 + 2 + 2;
        ByteBuffer b = ByteBuffer.wrap(bytes, matrix, 36);
        int a = b.getInt();
        int bb = b.getInt();
        b.getInt();
        int c = b.getInt();
        int d = b.getInt();
        return new int[] {a, bb, c, d};
    }
}
