package io.skilldesigner.engine;

import java.util.Map;

/**
 * Optional interface for a {@link io.skilldesigner.engine.runtime.NodeRuntime} that can say how it runs, e.g.
 * {@code provider=CUDA} for a model. The engine copies it into the run summary (CLI, preview status bar).
 */
public interface RuntimeInfo {
    /** Short key/value facts, in display order (e.g. provider, model, input size). */
    Map<String, String> runtimeInfo();
}
