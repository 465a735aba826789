package io.skilldesigner.engine.model.threads;

/** One measured configuration: inferences per second over all its concurrent stages, and time per inference. */
public record TuningEntry(ThreadConfig config, double runsPerSecond, double msPerRun) {
}
