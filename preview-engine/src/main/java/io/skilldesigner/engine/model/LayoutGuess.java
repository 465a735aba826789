package io.skilldesigner.engine.model;

import io.skilldesigner.core.model.OutputLayout;

/**
 * What {@link LayoutDetector} concluded about a model's outputs.
 *
 * @param layout     null when no known layout fits
 * @param confidence 0..1
 * @param evidence   why, in words a user can check against the model's outputs
 */
public record LayoutGuess(OutputLayout layout, double confidence, String evidence) {
    public static LayoutGuess unknown(String evidence) {
        return new LayoutGuess(null, 0, evidence);
    }
}
