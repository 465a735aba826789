package io.skilldesigner.app.ui;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2BGRA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.nio.ByteBuffer;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * Turns BGR frames into a JavaFX image on the FX thread as cheaply as it can: OpenCV shrinks the frame to the size
 * it is shown at (a 1080p frame in a 1177×662 view would otherwise be scaled in software by the ImageView on
 * every pulse) and converts it to BGRA in one pass into reused buffers; the pixels are handed to JavaFX in its
 * native premultiplied format (alpha is 255, so the bytes are the same) to skip JavaFX's per-pixel conversion.
 * Shrinking by up to half is bilinear: area averaging looks the same there and cost 7× as much (12 ms against
 * 1.6 ms for 1080p into a 1177×662 view on one core, BENCHMARKS.md), CPU a running preview's models need; below
 * half, bilinear would skip pixels (aliasing), so area averaging it is.
 * OpenCV's natives load on first use, not when a page is built, to keep them off the start-up path.
 */
public final class FxFrames {
    /** Down to this scale, bilinear samples every source pixel; below it, area averaging. */
    private static final double MIN_BILINEAR_SCALE = 0.5;

    private Mat scaled;
    private Mat bgra;
    private WritableImage image;

    /** The whole frame at its own size. */
    public WritableImage toImage(Mat bgr) {
        return toImage(bgr, Integer.MAX_VALUE, Integer.MAX_VALUE);
    }

    /** The frame fitted (aspect kept) inside maxWidth × maxHeight, never enlarged. */
    public WritableImage toImage(Mat bgr, int maxWidth, int maxHeight) {
        if (bgra == null) {
            bgra = new Mat();
            scaled = new Mat();
        }
        Mat source = bgr;
        double scale = Math.min(1.0, Math.min(maxWidth / (double) bgr.cols(), maxHeight / (double) bgr.rows()));
        if (scale < 1.0) {
            int w = Math.max(1, (int) Math.round(bgr.cols() * scale));
            int h = Math.max(1, (int) Math.round(bgr.rows() * scale));
            try (Size size = new Size(w, h)) {
                resize(bgr, scaled, size, 0, 0, scale >= MIN_BILINEAR_SCALE ? INTER_LINEAR : INTER_AREA);
            }
            source = scaled;
        }
        cvtColor(source, bgra, COLOR_BGR2BGRA);
        int w = bgra.cols();
        int h = bgra.rows();
        if (image == null || (int) image.getWidth() != w || (int) image.getHeight() != h) {
            image = new WritableImage(w, h);
        }
        ByteBuffer buf = bgra.createBuffer();
        image.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getByteBgraPreInstance(), buf, (int) bgra.step());
        return image;
    }
}
