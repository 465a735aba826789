package io.skilldesigner.engine.export;

import java.time.Duration;

import io.skilldesigner.engine.runtime.NodeRuntime;

/** An export node's runtime: never blocks {@link #process}, counts what it sent and lost. */
public interface CountedExport extends NodeRuntime {
    ExportCounters counters();

    /** Waits until everything accepted so far was sent or given up; false on timeout. For tests and shutdown. */
    boolean awaitIdle(Duration timeout) throws InterruptedException;
}
