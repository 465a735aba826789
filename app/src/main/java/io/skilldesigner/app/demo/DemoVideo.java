package io.skilldesigner.app.demo;

import static org.bytedeco.opencv.global.opencv_imgproc.FILLED;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.circle;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * Writes the demo video: one ball bouncing over a grey floor (MPEG-4 video in MP4), changing colour (red, green, blue, yellow) every
 * few seconds — exactly what the demo detector (one saturated object → "ball") and the demo colour classifier
 * recognise. Made by the app itself, so the demo needs no download.
 */
public final class DemoVideo {
    public static final int WIDTH = 640;
    public static final int HEIGHT = 360;
    public static final int FPS = 15;
    public static final int SECONDS = 24;
    private static final Scalar[] COLOURS = {
            new Scalar(40, 40, 220, 0),   // red (BGR)
            new Scalar(40, 200, 40, 0),   // green
            new Scalar(220, 60, 40, 0),   // blue
            new Scalar(30, 210, 230, 0)}; // yellow

    private DemoVideo() {
    }

    /** Writes the MP4 atomically (temp file, then move) so a crash never leaves half a video in place. */
    public static void write(Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp.mp4");
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (FFmpegFrameRecorder rec = new FFmpegFrameRecorder(tmp.toFile(), WIDTH, HEIGHT, 0);
             OpenCVFrameConverter.ToMat conv = new OpenCVFrameConverter.ToMat();
             Mat img = new Mat(HEIGHT, WIDTH, opencv_core.CV_8UC3)) {
            rec.setFormat("mp4");
            // FFmpeg's own MPEG-4 encoder at high quality: always present, and clean enough that no encoder noise
            // looks like a saturated object to the demo detector (openh264 left coloured specks)
            rec.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            rec.setFrameRate(FPS);
            rec.setVideoQuality(2);
            rec.start();
            int frames = FPS * SECONDS;
            for (int i = 0; i < frames; i++) {
                drawFrame(img, i);
                rec.record(conv.convert(img));
            }
            rec.stop();
        } catch (FFmpegFrameRecorder.Exception e) {
            Files.deleteIfExists(tmp);
            throw new IOException("Could not write the demo video " + file + ": " + e.getMessage(), e);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void drawFrame(Mat img, int i) {
        img.put(new Scalar(128, 128, 128, 0));
        // floor tiles: neutral greys, never saturated, so the detector sees only the ball
        for (int x = 0; x < WIDTH; x += 80) {
            rectangle(img, new Point(x, HEIGHT - 60), new Point(x + 78, HEIGHT - 2),
                    new Scalar(100 + (x / 80 % 2) * 30, 100 + (x / 80 % 2) * 30, 100 + (x / 80 % 2) * 30, 0),
                    FILLED, LINE_AA, 0);
        }
        double t = i / (double) FPS;
        int r = 28;
        // bounces left-right across the frame every 4 s, with a vertical hop
        double phase = (t % 8.0) / 8.0;
        double xNorm = phase < 0.5 ? phase * 2 : 2 - phase * 2;
        int cx = (int) Math.round(r + 10 + xNorm * (WIDTH - 2 * r - 20));
        // slow enough between frames for an IoU tracker to follow: one gentle hop every 2 s
        int cy = (int) Math.round(HEIGHT - 80 - r - Math.abs(Math.sin(t * Math.PI / 2)) * 110);
        Scalar colour = COLOURS[(int) (t / 6) % COLOURS.length];
        circle(img, new Point(cx, cy), r, colour, FILLED, LINE_AA, 0);
    }
}
