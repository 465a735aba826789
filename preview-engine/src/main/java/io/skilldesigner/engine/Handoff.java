package io.skilldesigner.engine;

import java.util.function.Consumer;

/**
 * A single-slot handoff between pipeline threads: at most one item waits, so latency never grows. {@link #put}
 * waits for the slot; {@link #offerLatest} replaces a waiting item (drop-to-latest). Closed when every producer is
 * done; {@link #take} then drains the waiting item and returns null. An item that is replaced or discarded (on
 * abort, or put after it) goes to {@code discard}, which frees what it holds.
 */
class Handoff<T> {
    private final Consumer<T> discard;
    private T pending;
    private int openProducers;
    private boolean aborted;

    Handoff(int producers, Consumer<T> discard) {
        this.openProducers = producers;
        this.discard = discard;
    }

    /** Leaves the item for the consumer; true when it replaced one that was never taken (a drop). */
    synchronized boolean offerLatest(T item) {
        if (aborted) {
            discard.accept(item);
            return false;
        }
        boolean replaced = pending != null;
        if (replaced) {
            discard.accept(pending);
        }
        pending = item;
        notifyAll();
        return replaced;
    }

    /** Waits until the slot is free, then leaves the item (discarded at once when the slot was aborted). */
    synchronized void put(T item) throws InterruptedException {
        try {
            while (pending != null && !aborted) {
                wait();
            }
        } catch (InterruptedException e) {
            discard.accept(item);
            throw e;
        }
        if (aborted) {
            discard.accept(item);
        } else {
            pending = item;
            notifyAll();
        }
    }

    /** Waits until no item waits (taken, or aborted): a producer that should not hold two items at once. */
    synchronized void awaitEmpty() throws InterruptedException {
        while (pending != null && !aborted) {
            wait();
        }
    }

    /** The next item, or null once closed (or aborted) and empty. */
    synchronized T take() throws InterruptedException {
        while (pending == null && openProducers > 0 && !aborted) {
            wait();
        }
        if (aborted) {
            return null;
        }
        T item = pending;
        pending = null;
        notifyAll();
        return item;
    }

    /** One producer finished: the slot closes after the last. */
    synchronized void producerDone() {
        openProducers = Math.max(0, openProducers - 1);
        notifyAll();
    }

    /** Stop now: the waiting item is discarded and every waiter returns. */
    synchronized void abort() {
        aborted = true;
        if (pending != null) {
            discard.accept(pending);
        }
        pending = null;
        notifyAll();
    }
}
