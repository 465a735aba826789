package io.skilldesigner.engine.source;

/**
 * Paces a source to the skill's desired fps. A live source delivers at the camera's rate and is sub-sampled
 * ({@link #admit} on the wall clock); a video file is sub-sampled the same way on its own media clock (see
 * {@code SourceRunner}); a source without a time line (a still image, frames in memory) gives one frame per tick
 * ({@link #delayNanos} then {@link #emitted}). After a stall the schedule restarts from now instead of bursting to
 * catch up. Not thread-safe: one source thread uses it.
 */
public final class FramePacer {
    private final long intervalNanos;
    private boolean started;
    private long nextDue;
    private long lastArrival;
    private double credit;
    private static final double ADMIT_AT = 0;
    private static final double FIRST_CREDIT = -0.7;
    /** Two: a frame delayed until just before the next one still lets both out; after a stall, at most one extra. */
    private static final double MAX_CREDIT = 2;

    /** @param fps frames per second; 0 or less = unpaced (as fast as the pipeline takes them) */
    public FramePacer(double fps) {
        this.intervalNanos = fps > 0 ? Math.round(1e9 / fps) : 0;
    }

    public long intervalNanos() {
        return intervalNanos;
    }

    /**
     * Live sources (and files, on their media clock): true when the frame captured at {@code now} should go out, false
     * to skip it. A credit of frames grows with time at the desired fps and each frame that goes out spends one.
     * Over time exactly the desired fps go out (credit is conserved and capped, so no burst after a stall), while a
     * frame that arrives early (jitter) or right behind a late one still goes out: a 15 fps skill on a jittery 15 fps
     * camera takes every frame.
     */
    public boolean admit(long now) {
        if (intervalNanos == 0) {
            return true;
        }
        if (!started) {
            started = true;
            lastArrival = now;
            // The second frame needs most of a tick: the first second of a 30 fps camera gives exactly 10 at 10 fps.
            credit = FIRST_CREDIT;
            return true;
        }
        credit = Math.min(MAX_CREDIT, credit + (double) (now - lastArrival) / intervalNanos);
        lastArrival = now;
        if (credit < ADMIT_AT) {
            return false;
        }
        credit -= 1;
        return true;
    }

    /** Sources without a time line: how long to wait before the next frame goes out (0 = now). */
    public long delayNanos(long now) {
        if (intervalNanos == 0 || !started) {
            return 0;
        }
        return Math.max(0, nextDue - now);
    }

    /** Sources without a time line: the frame went out at {@code now}. */
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
