package io.skilldesigner.engine.model;

/** Accumulated time of a runner's stages since creation (or the last reset), for benchmarks and stats. */
public final class StageTimes {
    private long runs;
    private long preNanos;
    private long inferNanos;
    private long postNanos;

    void add(long pre, long infer, long post) {
        runs++;
        preNanos += pre;
        inferNanos += infer;
        postNanos += post;
    }

    public void reset() {
        runs = 0;
        preNanos = 0;
        inferNanos = 0;
        postNanos = 0;
    }

    public long runs() {
        return runs;
    }

    public double preMillis() {
        return avg(preNanos);
    }

    public double inferenceMillis() {
        return avg(inferNanos);
    }

    public double postMillis() {
        return avg(postNanos);
    }

    private double avg(long nanos) {
        return runs == 0 ? 0 : nanos / 1e6 / runs;
    }
}
