package io.skilldesigner.engine.frame;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The newest frame of a stream, kept for a reader on another thread (a display): holds the frame's image while it
 * is the newest and releases it when a newer one replaces it, so a pooled buffer goes back as soon as it cannot be
 * shown any more. A reader {@link #acquire()}s the frame to use its pixels and releases it after.
 */
public final class LatestFrame {
    private final AtomicReference<Frame> latest = new AtomicReference<>();

    /** Keeps {@code frame} (null clears) and lets go of the one it replaces. */
    public void set(Frame frame) {
        if (frame != null && frame.image() != null) {
            frame.image().retain();
        }
        Frame old = latest.getAndSet(frame);
        if (old != null) {
            FrameImage.release(old.image());
        }
    }

    /** The newest frame, for its metadata; its pixels only through {@link #acquire()}. */
    public Frame get() {
        return latest.get();
    }

    /**
     * The newest frame with its image held for the caller, who releases it ({@link FrameImage#release(FrameImage)});
     * null when there is none.
     */
    public Frame acquire() {
        while (true) {
            Frame f = latest.get();
            if (f == null || f.image() == null || f.image().tryRetain()) {
                return f;
            }
            // replaced and released between the read and the retain: the newer one is there now
        }
    }

    public void clear() {
        set(null);
    }
}
