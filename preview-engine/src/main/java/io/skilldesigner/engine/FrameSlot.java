package io.skilldesigner.engine;

import io.skilldesigner.engine.frame.Frame;
import io.skilldesigner.engine.frame.FrameImage;

/**
 * The single-slot handoff in front of a node: at most one frame waits, so latency never grows. A source offers
 * with {@link #offerLatest} (the newer frame replaces a waiting one: drop-to-latest); nodes hand on with
 * {@link #put}, which waits for the slot, so a slow node slows its upstream down to the source, where frames are
 * dropped. The slot holds one reference to a waiting frame's image: it releases a replaced or discarded frame's
 * image and hands the reference on to the taker.
 */
final class FrameSlot extends Handoff<Frame> {
    FrameSlot(int producers) {
        super(producers, frame -> FrameImage.release(frame.image()));
    }
}
