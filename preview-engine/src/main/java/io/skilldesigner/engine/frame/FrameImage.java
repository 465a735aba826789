package io.skilldesigner.engine.frame;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The pixels of a frame: an 8-bit 3-channel BGR OpenCV Mat. Never modified after creation, so fan-out shares it
 * without copying; a node that changes pixels makes a new FrameImage.
 *
 * <p>A source's images come from a {@link FramePool} and are counted: whoever keeps one beyond the call that
 * handed it over {@link #retain()}s it and {@link #release()}s it when done; the last release gives the pixels
 * back to the pool at once (not at garbage collection). The engine does this along the graph; a listener that
 * keeps a frame after its callback must do the same. Images made from a plain Mat are not counted: retain and
 * release do nothing and the Mat is freed by its owner or the garbage collector, as before.
 */
public final class FrameImage {
    private final Mat bgr;
    private final FramePool.Buffer buffer;
    private final int width;
    private final int height;
    /** References held; only counted for pooled images. */
    private final AtomicInteger references = new AtomicInteger(1);

    public FrameImage(Mat bgr) {
        this(Objects.requireNonNull(bgr, "bgr"), null);
    }

    FrameImage(Mat bgr, FramePool.Buffer buffer) {
        this.bgr = bgr;
        this.buffer = buffer;
        this.width = bgr.cols();
        this.height = bgr.rows();
    }

    /** The shared pixels. Callers must not write to them, nor use them after their last {@link #release()}. */
    public Mat mat() {
        if (buffer != null && references.get() <= 0) {
            throw new IllegalStateException("frame image used after its last release (its buffer is reused)");
        }
        return bgr;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Whether this image's pixels come from a pool and go back to it on the last release. */
    public boolean pooled() {
        return buffer != null;
    }

    /** One more holder; fails when the image was already released for good. */
    public FrameImage retain() {
        if (!tryRetain()) {
            throw new IllegalStateException("frame image retained after its last release");
        }
        return this;
    }

    /**
     * One more holder, unless the image was released for good meanwhile (then false: the caller must not use it).
     * For a reader racing a writer that replaces and releases the image (a display showing the latest frame).
     */
    public boolean tryRetain() {
        if (buffer == null) {
            return true;
        }
        int n;
        do {
            n = references.get();
            if (n <= 0) {
                return false;
            }
        } while (!references.compareAndSet(n, n + 1));
        return true;
    }

    /** One holder fewer; the last gives the pixels back to the pool. */
    public void release() {
        if (buffer == null) {
            return;
        }
        int n = references.decrementAndGet();
        if (n == 0) {
            buffer.recycle();
        } else if (n < 0) {
            throw new IllegalStateException("frame image released more often than retained");
        }
    }

    /** Releases {@code image} when there is one: for frames without pixels. */
    public static void release(FrameImage image) {
        if (image != null) {
            image.release();
        }
    }
}
