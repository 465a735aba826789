package io.skilldesigner.engine;

import io.skilldesigner.engine.frame.Frame;
import io.skilldesigner.engine.source.SourceState;

/**
 * What a preview or the command line watches while a skill runs. Called from the engine's threads: keep it quick
 * and hand work to your own thread (e.g. Platform.runLater); a listener that throws is reported and ignored.
 */
public interface EngineListener {
    /** A frame as it leaves a node (sources included), for the per-node view. The frame is shared: don't write to its pixels. */
    default void onNodeOutput(String nodeId, Frame frame) {
    }

    /** A frame leaving the run's output node ({@link Engine#outputNodeId()}): one call per processed frame. */
    default void onOutput(Frame frame) {
    }

    default void onRunState(RunState state, String message) {
    }

    default void onSourceState(String nodeId, SourceState state, String message) {
    }
}
