package io.skilldesigner.engine;

/** The state of a whole run, as the preview's toolbar shows it. */
public enum RunState {
    /** Building node runtimes and opening sources. */
    STARTING,
    RUNNING,
    /** Every source ended (a file without loop) and every frame has left the graph. */
    COMPLETED,
    /** Stopped on request. */
    STOPPED,
    /** The run could not start or its source failed for good; the message says why. */
    FAILED
}
