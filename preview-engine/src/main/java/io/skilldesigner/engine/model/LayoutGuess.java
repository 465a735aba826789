package io.skilldesigner.engine.model;

import java.util.List;

import io.skilldesigner.core.model.OutputLayout;

/**
 * What {@link LayoutDetector} concluded about a model's outputs.
 *
 * @param layout       null when no known layout fits
 * @param confidence   0..1; 0.5 when ambiguous
 * @param evidence     why, in words a user can check against the model's outputs
 * @param alternatives when ambiguous: every layout that fits, the proposed one first; else empty
 */
public record LayoutGuess(OutputLayout layout, double confidence, String evidence, List<OutputLayout> alternatives) {
    public LayoutGuess {
        alternatives = List.copyOf(alternatives == null ? List.of() : alternatives);
    }

    public LayoutGuess(OutputLayout layout, double confidence, String evidence) {
        this(layout, confidence, evidence, List.of());
    }

    public static LayoutGuess unknown(String evidence) {
        return new LayoutGuess(null, 0, evidence);
    }

    public boolean ambiguous() {
        return alternatives.size() > 1;
    }
}
