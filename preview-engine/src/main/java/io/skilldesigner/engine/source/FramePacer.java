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
        // A frame arriving slightly early (camera jitter) still counts for its tick.
        long tolerance = intervalNanos / 10;
        if (started && now < nextDue - tolerance) {
            return false;
        }
        emitted(now);
        return true;
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
