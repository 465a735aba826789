package io.skilldesigner.engine;

import io.skilldesigner.engine.frame.Frame;
import io.skilldesigner.engine.runtime.NodeState;
import io.skilldesigner.engine.runtime.NodeStatusListener;
import io.skilldesigner.engine.source.SourceState;

/** Delivers engine events to the listeners; a listener that throws is logged and the run goes on. */
final class EngineEvents {
    private static final System.Logger LOG = System.getLogger(Engine.class.getName());

    private final EngineListener listener;
    private final NodeStatusListener status;

    EngineEvents(EngineListener listener, NodeStatusListener status) {
        this.listener = listener;
        this.status = status;
    }

    void nodeOutput(String nodeId, Frame frame, boolean output) {
        guard(() -> listener.onNodeOutput(nodeId, frame));
        if (output) {
            guard(() -> listener.onOutput(frame));
        }
    }

    void nodeStatus(String nodeId, NodeState state, String message) {
        guard(() -> status.onStatus(nodeId, state, message));
    }

    void runState(RunState state, String message) {
        guard(() -> listener.onRunState(state, message));
    }

    void sourceState(String nodeId, SourceState state, String message) {
        guard(() -> listener.onSourceState(nodeId, state, message));
    }

    private static void guard(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "engine listener failed; the run goes on", e);
        }
    }
}
