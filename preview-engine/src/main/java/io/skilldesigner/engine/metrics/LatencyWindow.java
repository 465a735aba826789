package io.skilldesigner.engine.metrics;

import java.util.Arrays;

/** The most recent N latency samples, for percentiles that follow the current behaviour. Thread-safe. */
public final class LatencyWindow {
    private final long[] samples;
    private int next;
    private int count;

    public LatencyWindow(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        samples = new long[capacity];
    }

    public synchronized void add(long nanos) {
        samples[next] = nanos;
        next = (next + 1) % samples.length;
        count = Math.min(count + 1, samples.length);
    }

    /** The given percentile (0..100) in milliseconds, nearest-rank; 0 when empty. */
    public double percentileMillis(double percentile) {
        long[] copy;
        synchronized (this) {
            copy = Arrays.copyOf(samples, count);
        }
        if (copy.length == 0) {
            return 0;
        }
        Arrays.sort(copy);
        int rank = (int) Math.ceil(percentile / 100.0 * copy.length);
        int index = Math.max(0, Math.min(copy.length - 1, rank - 1));
        return copy[index] / 1_000_000.0;
    }
}
