package io.skilldesigner.engine.source;

/**
 * The sequence number and capture time a source gives the n-th frame it delivers. Live runs stamp the wall
 * clock; a replay of a recording gives each frame the stamp it had when it was recorded, so that what depends
 * on time or on gaps in the sequence (tracker speed and age, counter windows) comes out the same.
 */
@FunctionalInterface
public interface FrameStamps {
    /** Sequence = index, time = now. */
    FrameStamps LIVE = index -> new Stamp(index, System.currentTimeMillis());

    /** @param index 0-based count of the frames delivered before this one */
    Stamp stamp(long index);

    /** @param timestampMillis epoch milliseconds */
    record Stamp(long sequence, long timestampMillis) {
    }
}
