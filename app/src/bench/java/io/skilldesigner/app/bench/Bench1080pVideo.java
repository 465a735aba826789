package io.skilldesigner.app.bench;

import static org.bytedeco.opencv.global.opencv_imgproc.FILLED;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.circle;

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
 * The preview benchmark's stream: 1920×1080 at 30 fps, MPEG-4 at quality 2, a saturated ball moving over grey
 * (what the demo detector finds), changing colour every 2.5 s. Written once and reused.
 */
final class Bench1080pVideo {
    static final int WIDTH = 1920;
    static final int HEIGHT = 1080;
    static final int FPS = 30;
    static final int SECONDS = 10;
    private static final Scalar[] COLOURS = {
            new Scalar(40, 40, 220, 0), new Scalar(40, 200, 40, 0),
            new Scalar(220, 60, 40, 0), new Scalar(30, 210, 230, 0)};

    private Bench1080pVideo() {
    }

    /** Writes the video unless it is already there; returns the encode time in ms (0 when reused). */
    static long ensure(Path file) throws IOException {
        if (Files.isRegularFile(file)) {
            return 0;
        }
        long t0 = System.nanoTime();
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp.mp4");
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (FFmpegFrameRecorder rec = new FFmpegFrameRecorder(tmp.toFile(), WIDTH, HEIGHT, 0);
             OpenCVFrameConverter.ToMat conv = new OpenCVFrameConverter.ToMat();
             Mat img = new Mat(HEIGHT, WIDTH, opencv_core.CV_8UC3)) {
            rec.setFormat("mp4");
            rec.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            rec.setFrameRate(FPS);
            rec.setVideoQuality(2);
            rec.start();
            for (int i = 0; i < FPS * SECONDS; i++) {
                draw(img, i);
                rec.record(conv.convert(img));
            }
            rec.stop();
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static void draw(Mat img, int i) {
        img.put(new Scalar(128, 128, 128, 0));
        double t = i / (double) FPS;
        int r = 84;
        // across the frame and back every 5 s with a hop: a few pixels per frame, easy to follow
        double phase = (t % 5.0) / 5.0;
        double x = phase < 0.5 ? phase * 2 : 2 - phase * 2;
        int cx = (int) Math.round(r + 30 + x * (WIDTH - 2 * r - 60));
        int cy = (int) Math.round(HEIGHT - 240 - r - Math.abs(Math.sin(t * Math.PI / 2)) * 330);
        circle(img, new Point(cx, cy), r, COLOURS[(int) (t / 2.5) % COLOURS.length], FILLED, LINE_AA, 0);
    }
}
