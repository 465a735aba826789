package io.skilldesigner.engine;

import io.skilldesigner.engine.frame.Frame;
import io.skilldesigner.engine.runtime.ConcurrentRuntime;
import io.skilldesigner.engine.runtime.PipelinedRuntime;

/**
 * One worker of a node with several: runs {@link ConcurrentRuntime#process(Frame, int)} on the frames the
 * {@link DispatchStage} gives it and hands each result, or its failure, to the node's {@link NodeStage}, which takes
 * the workers' results in frame order and reports them as any node's.
 */
final class WorkerStage implements Runnable {
    private final ConcurrentRuntime runtime;
    private final int worker;
    private final FrameSlot input;
    private final Handoff<PreparedFrame> output;

    /** A frame the worker has finished: the node's output for it. */
    record Processed(Frame frame) implements PipelinedRuntime.Prepared {
        @Override
        public void close() {
            // holds no resources: the output frame's image is the input's, released with the input
        }
    }

    WorkerStage(ConcurrentRuntime runtime, int worker, FrameSlot input, Handoff<PreparedFrame> output) {
        this.runtime = runtime;
        this.worker = worker;
        this.input = input;
        this.output = output;
    }

    @Override
    public void run() {
        try {
            while (true) {
                Frame in = input.take();
                if (in == null) {
                    break;
                }
                output.put(PreparedFrame.attempt(in, () -> new Processed(runtime.process(in, worker))));
            }
        } catch (InterruptedException e) {
            // Stop requested: the engine aborts every handoff and interrupts every stage; just leave.
            Thread.currentThread().interrupt();
        } finally {
            output.producerDone();
        }
    }
}
