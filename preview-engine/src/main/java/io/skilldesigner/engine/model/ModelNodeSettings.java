package io.skilldesigner.engine.model;

import io.skilldesigner.core.catalog.EffectiveSettings;
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
    /** Typed reads of the node's effective settings (defaults from {@link ModelNode}, merged once upstream). */
    public static ModelNodeSettings from(EffectiveSettings s) {
        if (!s.has(ModelNode.MODEL)) {
            throw new ModelException("node '" + s.nodeId() + "': no model chosen (setting " + ModelNode.MODEL + ")");
        }
        return new ModelNodeSettings(s.text(ModelNode.MODEL),
                s.has(ModelNode.CONFIDENCE) ? s.decimal(ModelNode.CONFIDENCE) : Double.NaN,
                s.decimal(ModelNode.CONFIDENCE_UPPER),
                ModelNode.ON_FRAME.equals(s.text(ModelNode.CLASSIFY_ON)),
                s.decimal(ModelNode.CROP_PADDING),
                (int) s.integer(ModelNode.MIN_CROP_SIZE),
                Math.max(1, (int) s.integer(ModelNode.TOP_K)));
    }

    /** The threshold to use: the node's, else the model's default. */
    public double threshold(double modelDefault) {
        return Double.isNaN(confidence) ? modelDefault : confidence;
    }

    /** Inside the confidence window [threshold, confidenceUpper], the threshold defaulting to the model's. */
    public boolean inWindow(float score, double modelDefault) {
        return score >= threshold(modelDefault) && score <= confidenceUpper;
    }
}
