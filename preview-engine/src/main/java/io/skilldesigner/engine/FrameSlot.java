package io.skilldesigner.engine;

import io.skilldesigner.engine.frame.Frame;
import io.skilldesigner.engine.frame.FrameImage;

/**
 * The single-slot handoff in front of a node: at most one frame waits, so latency never grows. A source offers
 * with {@link #offerLatest} (the newer frame replaces a waiting one: drop-to-latest); nodes hand on with
 * {@link #put}, which waits for the slot, so a slow node slows its upstream down to the source, where frames are
 * dropped. Closed when every producer is done; {@link #take} then drains the waiting frame and returns null.
 * The slot holds one reference to a waiting frame's image: it releases a replaced or discarded frame's image and
 * hands the reference on to the taker.
 */
final class FrameSlot {
    private Frame pending;
    private int openProducers;
    private boolean aborted;

    FrameSlot(int producers) {
        this.openProducers = producers;
    }

    /** Leaves the frame for the consumer; true when it replaced one that was never taken (a drop). */
    synchronized boolean offerLatest(Frame frame) {
        if (aborted) {
            release(frame);
            return false;
        }
        boolean replaced = pending != null;
        if (replaced) {
            release(pending);
        }
        pending = frame;
        notifyAll();
        return replaced;
    }

    /** Waits until the slot is free, then leaves the frame (released at once when the slot was aborted). */
    synchronized void put(Frame frame) throws InterruptedException {
        try {
            while (pending != null && !aborted) {
                wait();
            }
        } catch (InterruptedException e) {
            release(frame);
            throw e;
        }
        if (aborted) {
            release(frame);
        } else {
            pending = frame;
            notifyAll();
        }
    }

    /** The next frame, or null once closed (or aborted) and empty. */
    synchronized Frame take() throws InterruptedException {
        while (pending == null && openProducers > 0 && !aborted) {
            wait();
        }
        if (aborted) {
            return null;
        }
        Frame f = pending;
        pending = null;
        notifyAll();
        return f;
    }

    /** One producer finished: the slot closes after the last. */
    synchronized void producerDone() {
        openProducers = Math.max(0, openProducers - 1);
        notifyAll();
    }

    /** Stop now: the waiting frame is discarded and every waiter returns. */
    synchronized void abort() {
        aborted = true;
        if (pending != null) {
            release(pending);
        }
        pending = null;
        notifyAll();
    }

    private static void release(Frame frame) {
        FrameImage.release(frame.image());
    }
}
