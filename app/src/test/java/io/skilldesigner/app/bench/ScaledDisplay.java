package io.skilldesigner.app.bench;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2BGRA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.nio.ByteBuffer;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

import io.skilldesigner.app.preview.PreviewSession;
import io.skilldesigner.engine.frame.Frame;
import javafx.animation.AnimationTimer;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * Experiment, not app code: the display path the benchmark suggests for PreviewPage, to measure what it would
 * gain. The newest frame is scaled by OpenCV to the size it is shown at and converted to BGRA straight into the
 * memory of a {@link PixelBuffer} the image is built on, so the FX side neither copies 8 MB per frame nor scales
 * 1080p in Prism's software pipeline. FX thread only.
 */
final class ScaledDisplay {
    private final PreviewSession session;
    private final int width;
    private final int height;
    private final Mat scaled = new Mat();
    private final Mat target;
    private final PixelBuffer<ByteBuffer> pixels;
    private final ImageView view;
    private final Size size;
    private Frame shown;
    private long painted;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            paint();
        }
    };

    ScaledDisplay(PreviewSession session, int width, int height) {
        this.session = session;
        this.width = width;
        this.height = height;
        ByteBuffer buf = ByteBuffer.allocateDirect(width * height * 4);
        target = new Mat(height, width, opencv_core.CV_8UC4, new BytePointer(buf));
        pixels = new PixelBuffer<>(width, height, buf, PixelFormat.getByteBgraPreInstance());
        view = new ImageView(new WritableImage(pixels));
        size = new Size(width, height);
    }

    ImageView view() {
        return view;
    }

    void start() {
        timer.start();
    }

    void stop() {
        timer.stop();
    }

    long painted() {
        return painted;
    }

    private void paint() {
        Frame f = session.latestFrame();
        if (f == null || f == shown || f.image() == null) {
            return;
        }
        shown = f;
        // the frame's aspect is the video's; the benchmark sizes the view to it, so no letterboxing here
        resize(f.image().mat(), scaled, size, 0, 0, INTER_LINEAR);
        cvtColor(scaled, target, COLOR_BGR2BGRA); // alpha 255: BGRA is also premultiplied BGRA
        pixels.updateBuffer(b -> null);
        painted++;
    }

    String describe() {
        return width + "×" + height;
    }
}
