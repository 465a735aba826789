package io.skilldesigner.engine.model;

import io.skilldesigner.engine.RuntimeInfo;

import java.util.ArrayList;
import java.util.List;

import io.skilldesigner.engine.frame.DetectedObject;
import io.skilldesigner.engine.frame.Frame;
import io.skilldesigner.engine.runtime.NodeRuntime;

/**
 * A detector node: adds the model's detections inside the confidence window to the frame's objects. The node's
 * threshold goes to the decoder, so it may be lower than the decoder's default.
 */
public final class ModelDetectorRuntime implements NodeRuntime, RuntimeInfo {
    private final String nodeId;
    private final ModelRunner runner;
    private final ModelNodeSettings settings;

    public ModelDetectorRuntime(String nodeId, ModelRunner runner, ModelNodeSettings settings) {
        this.nodeId = nodeId;
        this.runner = runner;
        this.settings = settings;
    }

    @Override
    public Frame process(Frame frame) {
        if (frame.image() == null) {
            return frame; // metadata-only frame: nothing to look at
        }
        List<DetectedObject> found = new ArrayList<>();
        double modelDefault = runner.settings().scoreThreshold();
        for (DetectedObject d : runner.detect(frame.image().mat(), settings.threshold(modelDefault))) {
            if (settings.inWindow(d.confidence(), modelDefault)) {
                String inferenceId = nodeId + ":" + frame.frameId() + ":" + found.size();
                found.add(new DetectedObject(d.label(), d.confidence(), d.bbox(), inferenceId, List.of(), null));
            }
        }
        return found.isEmpty() ? frame : frame.plusObjects(found);
    }

    public ModelRunner runner() {
        return runner;
    }

    @Override
    public void close() {
        runner.close();
    }

    @Override
    public java.util.Map<String, String> runtimeInfo() {
        return ModelRuntimeInfo.of(runner);
    }
}
