package io.skilldesigner.engine.transform;

import java.util.List;
import java.util.Set;

import io.skilldesigner.engine.frame.DetectedObject;
import io.skilldesigner.engine.frame.Frame;
import io.skilldesigner.engine.runtime.NodeRuntime;

/**
 * KAN's filter_transform: keeps an object when its label is listed (empty list = any label) and its confidence is
 * at least the minimum (0..1). The frame (and its image) is otherwise unchanged.
 */
public final class FilterRuntime implements NodeRuntime {
    private final Set<String> labels;
    private final double minConfidence;

    public FilterRuntime(List<String> labels, double minConfidence) {
        this.labels = Set.copyOf(labels);
        this.minConfidence = minConfidence;
    }

    public boolean keeps(DetectedObject o) {
        return (labels.isEmpty() || labels.contains(o.label())) && o.confidence() >= minConfidence;
    }

    @Override
    public Frame process(Frame frame) {
        List<DetectedObject> kept = frame.objects().stream().filter(this::keeps).toList();
        return kept.size() == frame.objects().size() ? frame : frame.withObjects(kept);
    }
}
