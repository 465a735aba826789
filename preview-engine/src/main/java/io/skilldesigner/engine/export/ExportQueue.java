package io.skilldesigner.engine.export;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.skilldesigner.engine.runtime.NodeState;
import io.skilldesigner.engine.runtime.NodeStatusListener;

/**
 * A bounded queue with one sender thread, so an export's {@code process()} never waits for its target. When the
 * queue is full the new item is dropped and counted; when a send fails the item is counted as failed and the
 * node reports {@link NodeState#ERROR} with the cause, then {@link NodeState#RUNNING} once a send succeeds again.
 *
 * @param <T> what is sent (a JSON body, a video clip)
 */
public final class ExportQueue<T> implements AutoCloseable {
    /** Delivers one item; throws when it could not (after any retries of its own). */
    @FunctionalInterface
    public interface Sender<T> {
        void send(T item) throws Exception;
    }

    private final String nodeId;
    private final BlockingQueue<T> queue;
    private final Sender<T> sender;
    private final NodeStatusListener status;
    private final Thread thread;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong done = new AtomicLong();
    private final AtomicBoolean inError = new AtomicBoolean();
    private final Object idle = new Object();
    private volatile boolean closing;

    public ExportQueue(String nodeId, int capacity, Sender<T> sender, NodeStatusListener status) {
        this.nodeId = nodeId;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.sender = sender;
        this.status = status == null ? NodeStatusListener.NONE : status;
        this.thread = new Thread(this::run, "export-" + nodeId);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Queues the item, or drops it when the queue is full. Never blocks. */
    public boolean offer(T item) {
        if (closing) {
            return false;
        }
        accepted.incrementAndGet();
        if (queue.offer(item)) {
            return true;
        }
        dropped.incrementAndGet();
        finished();
        if (inError.compareAndSet(false, true)) {
            status.onStatus(nodeId, NodeState.ERROR, "queue full (" + queue.remainingCapacity() + " free):"
                    + " the target is too slow, new messages are dropped");
        }
        return false;
    }

    public ExportCounters counters() {
        long acc = accepted.get();
        return new ExportCounters(acc, sent.get(), failed.get(), dropped.get(), (int) (acc - done.get()));
    }

    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (idle) {
            while (accepted.get() != done.get()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(idle, left);
            }
        }
        return true;
    }

    private void run() {
        while (!closing || !queue.isEmpty()) {
            T item;
            try {
                item = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                // close() gave up waiting for the rest: what is still queued stays unsent (counted by accepted)
                Thread.currentThread().interrupt();
                return;
            }
            if (item == null) {
                continue;
            }
            try {
                sender.send(item);
                sent.incrementAndGet();
                if (inError.compareAndSet(true, false)) {
                    status.onStatus(nodeId, NodeState.RUNNING, "sending again");
                }
            } catch (InterruptedException e) {
                failed.incrementAndGet();
                finished();
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                failed.incrementAndGet();
                inError.set(true);
                // Only the message: causes never carry the secrets (auth values, connection strings) we hold.
                status.onStatus(nodeId, NodeState.ERROR, "send failed: " + describe(e));
            }
            finished();
        }
    }

    private void finished() {
        done.incrementAndGet();
        synchronized (idle) {
            idle.notifyAll();
        }
    }

    static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null && sb.length() < 400; t = t.getCause()) {
            if (sb.length() > 0) {
                sb.append(": ");
            }
            sb.append(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
            if (t.getCause() == t) {
                break;
            }
        }
        return sb.toString();
    }

    /**
     * Stops accepting, sends what is queued for at most {@code drain}, then interrupts the sender.
     *
     * @return true when the sender thread has ended (false: it is stuck in a call that ignores interrupts, and
     *         whatever it uses must not be touched from another thread)
     */
    public boolean close(Duration drain) throws InterruptedException {
        closing = true;
        thread.join(drain.toMillis());
        if (thread.isAlive()) {
            thread.interrupt();
            thread.join(2000);
        }
        return !thread.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        close(Duration.ofSeconds(5));
    }
}
