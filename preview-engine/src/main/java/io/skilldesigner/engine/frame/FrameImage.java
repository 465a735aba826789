package io.skilldesigner.engine.frame;

import java.util.Objects;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The pixels of a frame: an 8-bit 3-channel BGR OpenCV Mat. Never modified after creation, so fan-out shares it
 * without copying; a node that changes pixels makes a new FrameImage.
 */
public final class FrameImage {
    private final Mat bgr;

    public FrameImage(Mat bgr) {
        this.bgr = Objects.requireNonNull(bgr, "bgr");
    }

    /** The shared pixels. Callers must not write to them. */
    public Mat mat() {
        return bgr;
    }

    public int width() {
        return bgr.cols();
    }

    public int height() {
        return bgr.rows();
    }
}
