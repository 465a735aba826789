package io.skilldesigner.engine.metrics;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.skilldesigner.engine.runtime.NodeState;

/** Live counters of one node, written by the engine's threads and read by anyone via {@link #snapshot()}. */
public final class NodeMetricsRecorder {
    private static final int WINDOW = 512;

    private final String nodeId;
    private final String typeId;
    private final AtomicLong framesIn = new AtomicLong();
    private final AtomicLong framesOut = new AtomicLong();
    private final AtomicLong drops = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicReference<String> lastError = new AtomicReference<>("");
    private final AtomicReference<NodeState> state = new AtomicReference<>(NodeState.STARTING);
    private final LatencyWindow latency = new LatencyWindow(WINDOW);
    private volatile long firstOutNanos;
    private volatile long lastOutNanos;

    public NodeMetricsRecorder(String nodeId, String typeId) {
        this.nodeId = nodeId;
        this.typeId = typeId;
    }

    public String nodeId() {
        return nodeId;
    }

    public void frameIn() {
        framesIn.incrementAndGet();
    }

    public void frameOut() {
        long now = System.nanoTime();
        if (framesOut.getAndIncrement() == 0) {
            firstOutNanos = now;
        }
        lastOutNanos = now;
    }

    /** Frames per second between the first and the latest frame out (0 before two frames). */
    public double outputFps() {
        long n = framesOut.get();
        long span = lastOutNanos - firstOutNanos;
        return n < 2 || span <= 0 ? 0 : (n - 1) * 1e9 / span;
    }

    public void drop() {
        drops.incrementAndGet();
    }

    public void error(String message) {
        errors.incrementAndGet();
        lastError.set(message == null ? "" : message);
    }

    public void latencyNanos(long nanos) {
        latency.add(nanos);
    }

    /** Sets the state; returns the previous one so callers report only changes. */
    public NodeState state(NodeState s) {
        return state.getAndSet(s);
    }

    public NodeState state() {
        return state.get();
    }

    public long framesOut() {
        return framesOut.get();
    }

    public NodeMetrics snapshot() {
        return new NodeMetrics(nodeId, typeId, state.get(), framesIn.get(), framesOut.get(), drops.get(), errors.get(),
                latency.percentileMillis(50), latency.percentileMillis(95), lastError.get());
    }
}
