package io.skilldesigner.engine.export;

import io.skilldesigner.engine.frame.Frame;

/**
 * KAN's export gating: at most one message per delay window, only for frames with insights. Two deliberate
 * differences from KAN: the window is measured in frame time (capture timestamps), not wall-clock time, so a
 * file replayed faster or slower than real time exports the same frames; and a frame with events but no
 * objects (a zone exit after the object vanished) counts as having insights, so such events are not lost.
 */
public final class DelayGate {
    private final long delayMillis;
    private final boolean onlyWithInsights;
    private long lastMillis;
    private boolean any;

    public DelayGate(long delayMillis, boolean onlyWithInsights) {
        this.delayMillis = delayMillis;
        this.onlyWithInsights = onlyWithInsights;
    }

    /** True when this frame should be exported; starts a new window when it is. */
    public boolean admit(Frame frame) {
        if (onlyWithInsights && frame.objects().isEmpty() && frame.events().isEmpty()) {
            return false;
        }
        long t = frame.timestampMillis();
        if (any && t - lastMillis < delayMillis && t >= lastMillis) {
            return false;  // t < lastMillis: the source restarted (a looping file); start a new window
        }
        any = true;
        lastMillis = t;
        return true;
    }
}
