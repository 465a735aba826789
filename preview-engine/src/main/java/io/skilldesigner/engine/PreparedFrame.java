package io.skilldesigner.engine;

import io.skilldesigner.engine.frame.Frame;
import io.skilldesigner.engine.frame.FrameImage;
import io.skilldesigner.engine.runtime.PipelinedRuntime;

/**
 * A frame on its way into a node, with what was done for it ahead ({@link PipelinedRuntime#prepare}): the result
 * (null when nothing), the time it took, or the failure to report as the node's. Holds the frame's image reference.
 */
record PreparedFrame(Frame frame, PipelinedRuntime.Prepared prepared, long prepareNanos, Throwable failure) {
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
