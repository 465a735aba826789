package io.skilldesigner.engine.model;

import java.util.List;

import io.skilldesigner.engine.frame.DetectedObject;

/**
 * What a model found in one image ("try on an image").
 *
 * @param detections boxes normalised to the image (detectors), else empty
 * @param classes    top classes (classifiers), else empty
 */
public record TryOutResult(String modelName, int imageWidth, int imageHeight, List<DetectedObject> detections,
                           List<ClassScore> classes, ProviderChoice provider, double millis) {
    public TryOutResult {
        detections = List.copyOf(detections);
        classes = List.copyOf(classes);
    }
}
