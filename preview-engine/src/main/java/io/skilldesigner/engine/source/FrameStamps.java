package io.skilldesigner.engine.source;

/**
 * The sequence number and capture time a source gives the n-th frame it delivers. Runs stamp the source's clock
 * (see {@link #stamp}); a replay of a recording gives each frame the stamp it had when it was recorded, so that
 * what depends on time or on gaps in the sequence (tracker speed and age, counter windows) comes out the same.
 */
@FunctionalInterface
public interface FrameStamps {
    /** Sequence = index, time = the source's clock. */
    FrameStamps LIVE = (index, clockMillis) -> new Stamp(index, clockMillis);

    /**
     * @param index       0-based count of the frames delivered before this one
     * @param clockMillis the frame's time by its source's clock (epoch ms): when a camera frame was captured; for a
     *                    file, the run's start plus the frame's media time, so that a file's objects move as fast
     *                    as they did in front of the camera whatever the skill's fps or the machine's speed
     */
    Stamp stamp(long index, long clockMillis);

    /** @param timestampMillis epoch milliseconds */
    record Stamp(long sequence, long timestampMillis) {
    }
}
