package io.skilldesigner.app.bench;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2BGRA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.nio.ByteBuffer;

import io.skilldesigner.engine.frame.FrameImage;
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
 * 1080p in Prism's software pipeline. With {@code fullSize} the buffer keeps the frame's size and Prism scales
 * it (smooth), as PreviewPage does: that isolates the cost of Prism's scaling from the copy. FX thread only.
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
    private final boolean fullSize;
    private Frame shown;
    private long painted;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            paint();
        }
    };

    /** @param frameW, frameH the video's size; w, h the size it is shown at */
    ScaledDisplay(PreviewSession session, int w, int h, int frameW, int frameH, boolean fullSize) {
        this.session = session;
        this.width = w;
        this.height = h;
        this.fullSize = fullSize;
        int bw = fullSize ? frameW : w;
        int bh = fullSize ? frameH : h;
        ByteBuffer buf = ByteBuffer.allocateDirect(bw * bh * 4);
        target = new Mat(bh, bw, opencv_core.CV_8UC4, new BytePointer(buf));
        pixels = new PixelBuffer<>(bw, bh, buf, PixelFormat.getByteBgraPreInstance());
        view = new ImageView(new WritableImage(pixels));
        view.setFitWidth(w);
        view.setFitHeight(h);
        view.setSmooth(true);
        size = new Size(w, h);
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
        Frame f = session.acquireLatestFrame();
        try {
            paint(f);
        } finally {
            if (f != null) {
                FrameImage.release(f.image());
            }
        }
    }

    private void paint(Frame f) {
        if (f == null || f == shown || f.image() == null) {
            return;
        }
        shown = f;
        // the frame's aspect is the video's; the benchmark sizes the view to it, so no letterboxing here
        if (fullSize) {
            cvtColor(f.image().mat(), target, COLOR_BGR2BGRA); // alpha 255: BGRA is also premultiplied BGRA
        } else {
            resize(f.image().mat(), scaled, size, 0, 0, INTER_LINEAR);
            cvtColor(scaled, target, COLOR_BGR2BGRA);
        }
        pixels.updateBuffer(b -> null);
        painted++;
    }

    String describe() {
        return width + "×" + height + (fullSize ? " (1920×1080 PixelBuffer, Prism scales, smooth)" : " (1:1)");
    }
}
