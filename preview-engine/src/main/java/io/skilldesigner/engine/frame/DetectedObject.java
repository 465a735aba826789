package io.skilldesigner.engine.frame;

import java.util.ArrayList;
import java.util.List;

/**
 * One object in a frame's insights.
 *
 * @param tracking null until a tracker has seen it
 */
public record DetectedObject(String label, float confidence, BBox bbox, String inferenceId,
                             List<ObjectAttribute> attributes, TrackingInfo tracking) {
    public DetectedObject {
        attributes = List.copyOf(attributes == null ? List.of() : attributes);
        inferenceId = inferenceId == null ? "" : inferenceId;
    }

    public static DetectedObject of(String label, float confidence, BBox bbox) {
        return new DetectedObject(label, confidence, bbox, "", List.of(), null);
    }

    public DetectedObject withAttribute(ObjectAttribute a) {
        List<ObjectAttribute> copy = new ArrayList<>(attributes);
        copy.add(a);
        return new DetectedObject(label, confidence, bbox, inferenceId, copy, tracking);
    }

    public DetectedObject withTracking(TrackingInfo t) {
        return new DetectedObject(label, confidence, bbox, inferenceId, attributes, t);
    }
}
