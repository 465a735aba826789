package io.skilldesigner.app.preview;

import java.nio.file.Path;

import io.skilldesigner.engine.RunState;
import io.skilldesigner.engine.metrics.StreamSummary;
import io.skilldesigner.engine.source.SourceSpec;

/**
 * One stream of a preview as the streams table shows it: the engine's per-stream figures (fps, drops,
 * capture-to-output latency), the run state of the stream and why it failed or what its source is doing.
 */
public record StreamStatus(StreamSummary.Row figures, SourceSpec source, RunState state, String message) {
    public String streamId() {
        return figures.streamId();
    }

    /** The source in a few words: a file by its name, others as described. */
    public String shortSource() {
        return source.kind() == SourceSpec.Kind.FILE ? Path.of(source.location()).getFileName().toString()
                : source.describe();
    }

    public boolean failed() {
        return state == RunState.FAILED;
    }

    public boolean ended() {
        return state == RunState.FAILED || state == RunState.COMPLETED || state == RunState.STOPPED;
    }
}
