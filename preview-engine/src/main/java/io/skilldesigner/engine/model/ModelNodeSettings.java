package io.skilldesigner.engine.model;

import java.util.Map;

import io.skilldesigner.core.catalog.nodes.ModelNode;

/**
 * A model node's settings as the catalog defines them (keys and defaults from {@link ModelNode}). The node has one
 * confidence threshold; when it is not set ({@link Double#NaN} here) the model's usual one applies (the decoder
 * settings' score threshold: 0.25 for YOLO families; classifiers keep their top k).
 *
 * @param classifyOnFrame classifyOn = frame (else each upstream object's crop)
 */
public record ModelNodeSettings(String modelId, double confidence, double confidenceUpper, boolean classifyOnFrame,
                                double cropPadding, int minCropSize, int topK) {
    public static ModelNodeSettings from(String nodeId, Map<String, Object> s) {
        Object id = s.get(ModelNode.MODEL);
        if (id == null || String.valueOf(id).isBlank()) {
            throw new ModelException("node '" + nodeId + "': no model chosen (setting " + ModelNode.MODEL + ")");
        }
        return new ModelNodeSettings(String.valueOf(id),
                number(s, ModelNode.CONFIDENCE, Double.NaN),
                number(s, ModelNode.CONFIDENCE_UPPER, 1.0),
                ModelNode.ON_FRAME.equals(String.valueOf(s.getOrDefault(ModelNode.CLASSIFY_ON, ModelNode.ON_OBJECTS))),
                number(s, ModelNode.CROP_PADDING, 0.1),
                (int) number(s, ModelNode.MIN_CROP_SIZE, 16),
                Math.max(1, (int) number(s, ModelNode.TOP_K, 1)));
    }

    /** The threshold to use: the node's, else the model's default. */
    public double threshold(double modelDefault) {
        return Double.isNaN(confidence) ? modelDefault : confidence;
    }

    /** Inside the confidence window [threshold, confidenceUpper], the threshold defaulting to the model's. */
    public boolean inWindow(float score, double modelDefault) {
        return score >= threshold(modelDefault) && score <= confidenceUpper;
    }

    private static double number(Map<String, Object> s, String key, double fallback) {
        Object v = s.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(String.valueOf(v).trim());
        } catch (NumberFormatException e) {
            throw new ModelException("setting " + key + " must be a number, got '" + v + "'", e);
        }
    }
}
