package io.skilldesigner.app.ui;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2BGRA;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import java.nio.ByteBuffer;

import org.bytedeco.opencv.opencv_core.Mat;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * Turns BGR frames into a JavaFX image with one OpenCV colour conversion into a reused buffer; the image is
 * reused while the frame size stays the same. Used on the FX thread only.
 */
public final class FxFrames {
    private final Mat bgra = new Mat();
    private WritableImage image;

    public WritableImage toImage(Mat bgr) {
        cvtColor(bgr, bgra, COLOR_BGR2BGRA);
        int w = bgra.cols();
        int h = bgra.rows();
        if (image == null || (int) image.getWidth() != w || (int) image.getHeight() != h) {
            image = new WritableImage(w, h);
        }
        ByteBuffer buf = bgra.createBuffer();
        image.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getByteBgraInstance(), buf, (int) bgra.step());
        return image;
    }
}
