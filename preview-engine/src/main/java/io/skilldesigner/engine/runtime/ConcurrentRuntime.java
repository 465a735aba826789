package io.skilldesigner.engine.runtime;

import io.skilldesigner.engine.frame.Frame;

/**
 * A runtime that can work on several frames of one stream at once, each on its own worker: a model node whose
 * session runs several inferences concurrently (measured faster than one inference on all cores) keeps as many
 * frames in flight. The engine gives frame n to worker n mod {@link #workers()} and hands the results on in frame
 * order, so nodes downstream see the same sequence as from a one-worker node.
 */
public interface ConcurrentRuntime extends NodeRuntime {
    /** How many frames it works on at once; 1 runs it as any other runtime. */
    int workers();

    /**
     * {@link #process} on worker {@code worker}'s own resources (0 .. workers − 1); each worker is called from one
     * thread, one frame at a time, and the workers run at the same time.
     */
    Frame process(Frame frame, int worker) throws Exception;
}
