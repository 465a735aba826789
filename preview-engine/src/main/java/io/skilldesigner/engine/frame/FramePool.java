package io.skilldesigner.engine.frame;

import static org.bytedeco.opencv.global.opencv_core.getElemSize;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Reused pixel buffers for one source's frames. A decoded image is copied into a free buffer of its size (a new
 * one only when none is free), and the buffer comes back when the image's last holder releases it, so a run needs
 * as many frame buffers as frames are in flight at once (a few per node), not one per frame waiting for the
 * garbage collector. At most {@code maxIdle} free buffers are kept; more, a changed frame size, or a closed pool
 * free the native memory at once. Thread-safe: the decoder takes, any pipeline thread gives back.
 */
public final class FramePool implements AutoCloseable {
    /** What the pool holds now and did so far. */
    public record Counters(long allocated, long reused, long freed, int inUse, int idle) {
        @Override
        public String toString() {
            return "allocated " + allocated + ", reused " + reused + ", freed " + freed + ", in use " + inUse
                    + ", idle " + idle;
        }
    }

    private final int maxIdle;
    private final Deque<Buffer> idle = new ArrayDeque<>();
    private long allocated;
    private long reused;
    private long freed;
    private int inUse;
    private boolean closed;

    /** @param maxIdle free buffers kept for reuse; more are freed when they come back */
    public FramePool(int maxIdle) {
        if (maxIdle < 0) {
            throw new IllegalArgumentException("maxIdle must be >= 0, got " + maxIdle);
        }
        this.maxIdle = maxIdle;
    }

    /** A pooled copy of {@code src} (any Mat type), held once by the caller. */
    public FrameImage copyOf(Mat src) {
        return written(src.rows(), src.cols(), src.type(), src::copyTo);
    }

    /**
     * A pooled image of the given size and type whose pixels {@code writer} fills in place (it must not reallocate
     * the Mat it gets: OpenCV keeps a Mat whose size and type already match), held once by the caller.
     */
    public FrameImage written(int rows, int cols, int type, Consumer<Mat> writer) {
        Buffer b = take(rows, cols, type, (long) rows * cols * getElemSize(type));
        try {
            writer.accept(b.mat);
        } catch (RuntimeException e) {
            b.recycle();
            throw e;
        }
        return new FrameImage(b.mat, b);
    }

    private synchronized Buffer take(int rows, int cols, int type, long bytes) {
        if (closed) {
            throw new IllegalStateException("frame pool is closed");
        }
        inUse++;
        Buffer b;
        while ((b = idle.pollFirst()) != null) {
            if (b.fits(rows, cols, type)) {
                reused++;
                return b;
            }
            free(b); // the input changed size: the old buffers will not fit again
        }
        allocated++;
        BytePointer pixels = new BytePointer(bytes);
        return new Buffer(this, pixels, new Mat(rows, cols, type, pixels));
    }

    private synchronized void giveBack(Buffer b) {
        inUse--;
        if (closed || idle.size() >= maxIdle) {
            free(b);
        } else {
            idle.addFirst(b); // the most recently used buffer is the warmest in the CPU cache
        }
    }

    private void free(Buffer b) {
        freed++;
        b.mat.close();
        b.pixels.close();
    }

    public synchronized Counters counters() {
        return new Counters(allocated, reused, freed, inUse, idle.size());
    }

    /** Frees the free buffers now, and the others as their images are released. */
    @Override
    public synchronized void close() {
        closed = true;
        Buffer b;
        while ((b = idle.pollFirst()) != null) {
            free(b);
        }
    }

    /** One native pixel buffer and the Mat header over it, both reused. */
    static final class Buffer {
        private final FramePool pool;
        private final BytePointer pixels;
        private final Mat mat;

        private Buffer(FramePool pool, BytePointer pixels, Mat mat) {
            this.pool = pool;
            this.pixels = pixels;
            this.mat = mat;
        }

        boolean fits(int rows, int cols, int type) {
            return mat.rows() == rows && mat.cols() == cols && mat.type() == type;
        }

        void recycle() {
            pool.giveBack(this);
        }
    }
}
