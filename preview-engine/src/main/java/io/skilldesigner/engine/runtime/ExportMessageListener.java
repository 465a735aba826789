package io.skilldesigner.engine.runtime;

/** Receives every message an export sends, for the preview's message log and JSONL file. */
@FunctionalInterface
public interface ExportMessageListener {
    void onMessage(ExportMessage message);

    ExportMessageListener NONE = m -> { };
}
