package io.skilldesigner.engine.source;

import io.skilldesigner.engine.frame.FrameImage;
import io.skilldesigner.engine.frame.FramePool;

/**
 * Decodes images from one input. One thread owns a source: it opens, reads and closes it. Any other thread may only
 * {@link #cancel()} it; live sources reconnect inside {@link #read()} and report their state to their listener.
 */
public interface FrameSource extends AutoCloseable {
    /** Free frame buffers a decoding source keeps for reuse (more than the frames a skill has in flight at once). */
    int POOL_IDLE = 8;

    /** Opens the input (a live source may retry per its reconnect policy). */
    void open() throws SourceException, InterruptedException;

    /**
     * The next image, held once by the caller, who releases it when done ({@link FrameImage#release()}); null when
     * the input ended for good (a file without loop) or the source was cancelled.
     */
    FrameImage read() throws SourceException, InterruptedException;

    /** The source's frame buffers: how many were allocated, reused and are in use (none for sources without a pool). */
    default FramePool.Counters bufferCounters() {
        return new FramePool.Counters(0, 0, 0, 0, 0);
    }

    /**
     * When the image {@link #read()} returned last belongs in the input's own time line, in microseconds from its
     * start (a file's presentation time, going on across loops); -1 for inputs without one (cameras, stills), whose
     * frames happen when they are captured.
     */
    default long mediaTimeMicros() {
        return -1;
    }

    /** True when the input runs in real time (frames must be read or they are lost). */
    boolean isLive();

    /**
     * Asks a pending or future {@link #open()}/{@link #read()} to return soon. Thread-safe and frees nothing: the
     * owning thread still calls {@link #close()}, so native buffers are never released under a running decode.
     */
    void cancel();

    /** Releases the grabber; called by the owning thread, safe to call more than once. */
    @Override
    void close();
}
