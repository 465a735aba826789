package io.skilldesigner.engine;

import java.util.List;

import io.skilldesigner.engine.frame.Frame;
import io.skilldesigner.engine.metrics.NodeMetricsRecorder;
import io.skilldesigner.engine.runtime.NodeRuntime;
import io.skilldesigner.engine.runtime.PipelinedRuntime;
import io.skilldesigner.engine.runtime.NodeState;

/**
 * One node on its own thread: takes frames from its slot (or, for a {@link PipelinedRuntime}, from its
 * {@link PrepareStage}, which prepares the next frame meanwhile; or, for a node with several workers, the
 * {@link WorkerStage}s' results in frame order), runs them, hands the result to every child (fan-out
 * shares the same Frame). A node that throws goes to ERROR with the message and its input frame passes through
 * unchanged, so the branch below keeps receiving frames (exports keep their timing, the preview keeps moving);
 * it goes back to RUNNING on its next success. States a runtime reports itself (a gRPC node whose endpoint is
 * down passes frames through without throwing) are left alone: only an ERROR this stage caught is cleared here. A runtime returning null ends the frame's way in this branch.
 */
final class NodeStage implements Runnable {
    private final String nodeId;
    private final NodeRuntime runtime;
    private final Input input;
    private final List<FrameSlot> children;
    private final NodeMetricsRecorder metrics;
    private final EngineEvents events;
    private final boolean output;
    private boolean failedHere;

    /** Where a stage's frames come from: its slot, or (pipelined) the stage that prepared them. */
    @FunctionalInterface
    interface Input {
        /** The next frame, or null when there are no more. */
        PreparedFrame take() throws InterruptedException;

        static Input of(FrameSlot slot) {
            return () -> {
                Frame f = slot.take();
                return f == null ? null : PreparedFrame.of(f);
            };
        }

        /**
         * The results of a node's workers in frame order: worker n mod k has frame n, so once one of them has no
         * more, no later frame was given out.
         */
        static Input inTurn(List<Handoff<PreparedFrame>> workers) {
            int[] next = {0};
            return () -> {
                PreparedFrame f = workers.get(next[0]).take();
                next[0] = (next[0] + 1) % workers.size();
                return f;
            };
        }
    }

    NodeStage(String nodeId, NodeRuntime runtime, Input input, List<FrameSlot> children,
              NodeMetricsRecorder metrics, EngineEvents events, boolean output) {
        this.nodeId = nodeId;
        this.runtime = runtime;
        this.input = input;
        this.children = List.copyOf(children);
        this.metrics = metrics;
        this.events = events;
        this.output = output;
    }

    @Override
    public void run() {
        try {
            PreparedFrame in;
            while ((in = input.take()) != null) {
                // The stage holds the input's image once (from its slot) until the frame has gone on.
                try {
                    metrics.frameIn();
                    Frame out = process(in);
                    if (out == null) {
                        continue;
                    }
                    metrics.frameOut();
                    events.nodeOutput(nodeId, out, output);
                    for (FrameSlot child : children) {
                        retain(out);
                        child.put(out);
                    }
                } finally {
                    in.release(); // what was prepared was closed by finish already; closing twice does nothing
                }
            }
        } catch (InterruptedException e) {
            // Stop requested: the engine aborts every slot and interrupts every stage; just leave.
            Thread.currentThread().interrupt();
        } finally {
            children.forEach(FrameSlot::producerDone);
        }
    }

    /**
     * One more reference for a child. An image a runtime made itself (not the source's pooled one) is not
     * counted, so its reference-keeping costs nothing.
     */
    private static void retain(Frame out) {
        if (out.image() != null) {
            out.image().retain();
        }
    }

    private Frame process(PreparedFrame in) throws InterruptedException {
        long t0 = System.nanoTime() - in.prepareNanos(); // the node's latency includes the work done ahead
        try {
            if (in.failure() != null) {
                throw in.failure();
            }
            Frame out = in.prepared() instanceof WorkerStage.Processed done ? done.frame() // a worker ran it
                    : runtime instanceof PipelinedRuntime p ? p.finish(in.frame(), in.prepared())
                    : runtime.process(in.frame());
            metrics.latencyNanos(System.nanoTime() - t0);
            if (failedHere) {
                failedHere = false;
                metrics.state(NodeState.RUNNING);
                events.nodeStatus(nodeId, NodeState.RUNNING, "recovered");
            }
            return out;
        } catch (InterruptedException e) {
            throw e;
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) { // NOPMD: any failure of one node must not stop the others
            metrics.latencyNanos(System.nanoTime() - t0);
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            metrics.error(message);
            failedHere = true;
            NodeState previous = metrics.state(NodeState.ERROR);
            if (previous != NodeState.ERROR) {
                events.nodeStatus(nodeId, NodeState.ERROR, message);
            }
            return in.frame();
        }
    }
}
