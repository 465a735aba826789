package io.skilldesigner.engine;

import io.skilldesigner.engine.frame.Frame;
import io.skilldesigner.engine.frame.FrameImage;
import io.skilldesigner.engine.runtime.PipelinedRuntime;

/**
 * A frame on its way into a node, with what was done for it ahead ({@link PipelinedRuntime#prepare}): the result
 * (null when nothing), the time it took, or the failure to report as the node's. Holds the frame's image reference.
 */
record PreparedFrame(Frame frame, PipelinedRuntime.Prepared prepared, long prepareNanos, Throwable failure) {
    /** Work done for a frame before its node's stage takes it: prepared input, or the whole node's result. */
    @FunctionalInterface
    interface Step {
        PipelinedRuntime.Prepared run() throws Exception;
    }

    /**
     * Runs {@code step} for {@code in} and keeps what it gave and how long it took, or its failure for the node's
     * stage to report as the node's. An interruption (stop) releases the frame and goes on.
     */
    static PreparedFrame attempt(Frame in, Step step) throws InterruptedException {
        long t0 = System.nanoTime();
        try {
            return new PreparedFrame(in, step.run(), System.nanoTime() - t0, null);
        } catch (InterruptedException e) {
            of(in).release();
            throw e;
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) { // NOPMD: reported by the node's stage as the node's failure
            return new PreparedFrame(in, null, System.nanoTime() - t0, e);
        }
    }

    /** A frame nothing was done ahead for. */
    static PreparedFrame of(Frame frame) {
        return new PreparedFrame(frame, null, 0, null);
    }

    /** Done with it (processed, or dropped on stop): closes what was prepared, releases the image reference. */
    void release() {
        if (prepared != null) {
            prepared.close();
        }
        FrameImage.release(frame.image());
    }
}
