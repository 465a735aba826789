package io.skilldesigner.engine.runtime;

/** Told when a node changes state (e.g. a gRPC endpoint goes down: ERROR with the cause). */
@FunctionalInterface
public interface NodeStatusListener {
    void onStatus(String nodeId, NodeState state, String message);

    NodeStatusListener NONE = (id, s, m) -> { };
}
