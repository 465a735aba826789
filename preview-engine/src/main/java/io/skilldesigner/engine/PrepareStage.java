package io.skilldesigner.engine;

import io.skilldesigner.engine.frame.Frame;
import io.skilldesigner.engine.runtime.PipelinedRuntime;

/**
 * The first half of a pipelined node on its own thread: takes frames from the node's slot, runs
 * {@link PipelinedRuntime#prepare} and hands them to the node's {@link NodeStage}, which runs the rest. A failure
 * travels with the frame so the stage reports it as the node's, as it would a failure of the whole node.
 */
final class PrepareStage implements Runnable {
    private final PipelinedRuntime runtime;
    private final FrameSlot input;
    private final Handoff<PreparedFrame> output;

    PrepareStage(PipelinedRuntime runtime, FrameSlot input, Handoff<PreparedFrame> output) {
        this.runtime = runtime;
        this.input = input;
        this.output = output;
    }

    @Override
    public void run() {
        try {
            while (true) {
                // Take the next frame only once the stage has taken the last: one frame prepared ahead, no more
                // (fresher frames from a live source, one input buffer in use here and one in the stage).
                output.awaitEmpty();
                Frame in = input.take();
                if (in == null) {
                    break;
                }
                output.put(PreparedFrame.attempt(in, () -> runtime.prepare(in)));
            }
        } catch (InterruptedException e) {
            // Stop requested: the engine aborts every handoff and interrupts every stage; just leave.
            Thread.currentThread().interrupt();
        } finally {
            output.producerDone();
        }
    }
}
