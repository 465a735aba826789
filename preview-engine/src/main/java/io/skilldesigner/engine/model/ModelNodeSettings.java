package io.skilldesigner.engine.model;

import java.util.Map;

import io.skilldesigner.core.catalog.nodes.ModelNode;

/**
 * A model node's settings as the catalog defines them (keys and defaults from {@link ModelNode}).
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
                number(s, ModelNode.CONFIDENCE, 0.5),
                number(s, ModelNode.CONFIDENCE_UPPER, 1.0),
                ModelNode.ON_FRAME.equals(String.valueOf(s.getOrDefault(ModelNode.CLASSIFY_ON, ModelNode.ON_OBJECTS))),
                number(s, ModelNode.CROP_PADDING, 0.1),
                (int) number(s, ModelNode.MIN_CROP_SIZE, 16),
                Math.max(1, (int) number(s, ModelNode.TOP_K, 1)));
    }

    /** Inside the confidence window [confidence, confidenceUpper]. */
    public boolean inWindow(float score) {
        return score >= confidence && score <= confidenceUpper;
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
