package io.skilldesigner.engine.source;

/**
 * Paces a source to the skill's desired fps. A live source delivers at the camera's rate and is sub-sampled
 * ({@link #admit}); a file is read one frame per tick ({@link #delayNanos} then {@link #emitted}). After a stall
 * the schedule restarts from now instead of bursting to catch up. Not thread-safe: one source thread uses it.
 */
public final class FramePacer {
    private final long intervalNanos;
    private boolean started;
    private long nextDue;
    private long lastArrival;
    private boolean seenFrame;
    private int gapsSeen;
    private static final int WARM_UP_GAPS = 8;
    private long cameraGapNanos;

    /** @param fps frames per second; 0 or less = unpaced (as fast as the pipeline takes them) */
    public FramePacer(double fps) {
        this.intervalNanos = fps > 0 ? Math.round(1e9 / fps) : 0;
    }

    public long intervalNanos() {
        return intervalNanos;
    }

    /** Live sources: true when the frame captured at {@code now} should go out, false to skip it. */
    public boolean admit(long now) {
        if (intervalNanos == 0) {
            return true;
        }
        // A frame up to half a camera frame early (jitter, frames arriving in pairs) still counts for its tick, so
        // a 15 fps skill on a 15 fps camera takes every frame while a 30 fps camera still gives exactly 10 at 10 fps.
        observe(now);
        // Until the camera's rhythm is known (the first frames after opening often come in a burst), half a tick.
        long tolerance = gapsSeen >= WARM_UP_GAPS ? Math.min(intervalNanos / 2, cameraGapNanos / 2) : intervalNanos / 2;
        if (started && now < nextDue - tolerance) {
            return false;
        }
        admitted(now);
        return true;
    }

    /** Tracks the camera's typical frame gap (moving average; a stall longer than a second is not a gap). */
    private void observe(long now) {
        if (seenFrame) {
            long gap = now - lastArrival;
            if (gap > 0 && gap < 1_000_000_000L) {
                cameraGapNanos = gapsSeen == 0 ? gap : (cameraGapNanos * 7 + gap) / 8;
                gapsSeen++;
            }
        }
        lastArrival = now;
        seenFrame = true;
    }

    /** Keeps the schedule's phase: late frames don't push the next tick back unless a whole tick was missed. */
    private void admitted(long now) {
        if (!started || now - nextDue > intervalNanos) {
            started = true;
            nextDue = now + intervalNanos;
            return;
        }
        nextDue += intervalNanos;
    }

    /** Files: how long to wait before the next frame goes out (0 = now). */
    public long delayNanos(long now) {
        if (intervalNanos == 0 || !started) {
            return 0;
        }
        return Math.max(0, nextDue - now);
    }

    /** Files: the frame went out at {@code now}. */
    public void emitted(long now) {
        if (!started) {
            started = true;
            nextDue = now + intervalNanos;
            return;
        }
        nextDue += intervalNanos;
        if (nextDue < now) {
            nextDue = now + intervalNanos;
        }
    }
}
