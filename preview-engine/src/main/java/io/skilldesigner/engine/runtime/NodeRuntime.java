package io.skilldesigner.engine.runtime;

import io.skilldesigner.engine.frame.Frame;

/**
 * A running node. {@link #process} is called with frames in order, from one thread at a time. A process node
 * returns the frame for downstream nodes; an export returns its input unchanged and must not block (it hands
 * work to its own bounded queue).
 */
public interface NodeRuntime extends AutoCloseable {
    Frame process(Frame frame) throws Exception;

    /**
     * True when the runtime reports its own state through {@link RuntimeContext#status()} from the start (e.g. a
     * gRPC node that is still connecting): the engine then does not mark it RUNNING once created.
     */
    default boolean reportsOwnState() {
        return false;
    }

    @Override
    default void close() throws Exception {
    }
}
