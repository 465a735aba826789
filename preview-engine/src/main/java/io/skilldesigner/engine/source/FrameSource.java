package io.skilldesigner.engine.source;

import io.skilldesigner.engine.frame.FrameImage;

/**
 * Decodes images from one input, on the caller's thread. {@link #read()} blocks until the next image; live
 * sources reconnect inside it and report their state to the listener they were made with.
 */
public interface FrameSource extends AutoCloseable {
    /** Opens the input (a live source may retry per its reconnect policy). */
    void open() throws SourceException, InterruptedException;

    /** The next image, or null when the input ended for good (a file without loop). */
    FrameImage read() throws SourceException, InterruptedException;

    /** True when the input runs in real time (frames must be read or they are lost). */
    boolean isLive();

    /** Releases the grabber; safe to call more than once and from another thread to unblock {@link #read()}. */
    @Override
    void close();
}
