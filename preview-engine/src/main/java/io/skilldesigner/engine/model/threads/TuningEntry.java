package io.skilldesigner.engine.model.threads;

/**
 * One measured configuration: images (inputs) per second over all its concurrent stages, batches counted by their
 * size, and time per inference.
 *
 * @param othersBusy    share of the machine (0..1) other processes used while it was measured; null when measured
 *                      by a version that did not record it
 * @param checkedAtMillis when the table it belongs to was last measured (epoch ms); null from such a version too
 */
public record TuningEntry(ThreadConfig config, double runsPerSecond, double msPerRun, Double othersBusy,
                          Long checkedAtMillis) {
    /** A measurement taken with the machine to itself, at time 0 (tests, tables made by hand). */
    public TuningEntry(ThreadConfig config, double runsPerSecond, double msPerRun) {
        this(config, runsPerSecond, msPerRun, 0.0, 0L);
    }

    TuningEntry checkedAt(long millis) {
        return new TuningEntry(config, runsPerSecond, msPerRun, othersBusy, millis);
    }
}
