package io.skilldesigner.app.preview;

import io.skilldesigner.engine.RunState;
import io.skilldesigner.engine.metrics.StreamSummary;

/**
 * One stream of a preview as the streams table shows it: the engine's per-stream figures (fps, drops,
 * capture-to-output latency), the run state of the stream and why it failed or what its source is doing.
 */
public record StreamStatus(StreamSummary.Row figures, RunState state, String message) {
    public String streamId() {
        return figures.streamId();
    }

    public boolean failed() {
        return state == RunState.FAILED;
    }

    public boolean ended() {
        return state == RunState.FAILED || state == RunState.COMPLETED || state == RunState.STOPPED;
    }
}
