package io.skilldesigner.core.model;

import java.util.List;

/** Inputs and outputs read from the model file, with the detected output layout and why. */
public record ModelIo(List<TensorInfo> inputs, List<TensorInfo> outputs, OutputLayout detectedLayout,
                      double layoutConfidence, String layoutEvidence) {
    public ModelIo {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        layoutEvidence = layoutEvidence == null ? "" : layoutEvidence;
    }
}
