package io.skilldesigner.engine;

import io.skilldesigner.engine.frame.Frame;

/**
 * The single-slot handoff in front of a node: at most one frame waits, so latency never grows. A source offers
 * with {@link #offerLatest} (the newer frame replaces a waiting one: drop-to-latest); nodes hand on with
 * {@link #put}, which waits for the slot, so a slow node slows its upstream down to the source, where frames are
 * dropped. Closed when every producer is done; {@link #take} then drains the waiting frame and returns null.
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
            return false;
        }
        boolean replaced = pending != null;
        pending = frame;
        notifyAll();
        return replaced;
    }

    /** Waits until the slot is free, then leaves the frame. */
    synchronized void put(Frame frame) throws InterruptedException {
        while (pending != null && !aborted) {
            wait();
        }
        if (!aborted) {
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
        pending = null;
        notifyAll();
    }
}
