package io.skilldesigner.engine.source;

import io.skilldesigner.engine.frame.FrameImage;

/**
 * Decodes images from one input. One thread owns a source: it opens, reads and closes it. Any other thread may only
 * {@link #cancel()} it; live sources reconnect inside {@link #read()} and report their state to their listener.
 */
public interface FrameSource extends AutoCloseable {
    /** Opens the input (a live source may retry per its reconnect policy). */
    void open() throws SourceException, InterruptedException;

    /** The next image, or null when the input ended for good (a file without loop) or the source was cancelled. */
    FrameImage read() throws SourceException, InterruptedException;

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
