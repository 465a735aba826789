package io.skilldesigner.engine.runtime;

import io.skilldesigner.engine.frame.Frame;

/**
 * A runtime whose work on a frame splits in two, so the engine can run the first part for the next frame on its
 * own thread while the second runs for this one: a model node pre-processes frame n+1 while the model runs on
 * frame n, so the thread that runs the model does nothing else. Both are called in frame order, each from one
 * thread; {@link #process} is the two in a row.
 */
public interface PipelinedRuntime extends NodeRuntime {
    /**
     * Work done ahead, handed from {@link #prepare} to {@link #finish}; closing it frees what it holds (finish
     * closes it; the engine closes it too, and when a frame is dropped on stop: a second close does nothing).
     */
    interface Prepared extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * The part that can run ahead (it only reads the frame), or null when there is nothing to do ahead for this
     * frame. May wait (e.g. for a free input buffer) until {@link #finish} has moved on.
     */
    Prepared prepare(Frame frame) throws Exception;

    /** The rest: the frame for downstream nodes, as {@link #process} would return it. Closes {@code prepared}. */
    Frame finish(Frame frame, Prepared prepared) throws Exception;

    @Override
    default Frame process(Frame frame) throws Exception {
        return finish(frame, prepare(frame));
    }
}
