package io.skilldesigner.engine.model;

import java.util.ArrayList;
import java.util.List;

import io.skilldesigner.engine.frame.DetectedObject;
import io.skilldesigner.engine.frame.Frame;
import io.skilldesigner.engine.runtime.PipelinedRuntime;

/**
 * A detector node: adds the model's detections inside the confidence window to the frame's objects. The node's
 * threshold goes to the decoder, so it may be lower than the decoder's default. The next frame is pre-processed
 * while the model runs on this one.
 */
public final class ModelDetectorRuntime extends ModelNodeRuntime {
    private final String nodeId;
    private final ModelNodeSettings settings;

    public ModelDetectorRuntime(String nodeId, ModelRunner runner, ModelNodeSettings settings) {
        this(nodeId, List.of(runner), settings);
    }

    /** @param runners one per frame in flight, on the same session */
    public ModelDetectorRuntime(String nodeId, List<ModelRunner> runners, ModelNodeSettings settings) {
        super(runners);
        this.nodeId = nodeId;
        this.settings = settings;
    }

    @Override
    public Prepared prepare(Frame frame) throws InterruptedException {
        if (frame.image() == null || !runner().preparesAhead()) {
            return null; // metadata-only frame, or an input that follows the frame size: all done in finish
        }
        return runner().prepare(frame.image().mat());
    }

    @Override
    Frame finish(Frame frame, Prepared prepared, ModelRunner runner) {
        if (frame.image() == null) {
            return frame; // metadata-only frame: nothing to look at
        }
        double modelDefault = runner.settings().scoreThreshold();
        double threshold = settings.threshold(modelDefault);
        List<DetectedObject> detected = prepared instanceof ModelRunner.Input in ? runner.detect(in, threshold)
                : runner.detect(frame.image().mat(), threshold);
        List<DetectedObject> found = new ArrayList<>();
        for (DetectedObject d : detected) {
            if (settings.inWindow(d.confidence(), modelDefault)) {
                String inferenceId = nodeId + ":" + frame.frameId() + ":" + found.size();
                found.add(new DetectedObject(d.label(), d.confidence(), d.bbox(), inferenceId, List.of(), null));
            }
        }
        return found.isEmpty() ? frame : frame.plusObjects(found);
    }
}
