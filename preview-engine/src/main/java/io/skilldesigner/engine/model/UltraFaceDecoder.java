package io.skilldesigner.engine.model;

import java.util.ArrayList;
import java.util.List;

import io.skilldesigner.core.model.DecoderSettings;
import io.skilldesigner.core.model.OutputLayout;

/**
 * UltraFace: scores [1,N,2] (background, face; softmax applied) and boxes [1,N,4] as x1, y1, x2, y2 normalised
 * to the input, already decoded from the priors. Outputs are found by their last dimension, not their names.
 */
public final class UltraFaceDecoder implements DetectionDecoder {
    public static final int FACE = 1;

    @Override
    public List<Detection> candidates(List<OutputTensor> outputs, DecoderSettings s) {
        OutputTensor scores = null;
        OutputTensor boxes = null;
        for (OutputTensor t : outputs) {
            if (t.shape().length == 3 && t.dim(2) == 2) {
                scores = t;
            } else if (t.shape().length == 3 && t.dim(2) == 4) {
                boxes = t;
            }
        }
        if (scores == null || boxes == null || scores.dim(1) != boxes.dim(1)) {
            throw new IllegalArgumentException("outputs " + outputs + " do not fit layout " + OutputLayout.ULTRAFACE
                    + " (expected scores [1,N,2] and boxes [1,N,4])");
        }
        int n = (int) scores.dim(1);
        float w = s.inputWidth();
        float h = s.inputHeight();
        List<Detection> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            float face = scores.get(i * 2 + 1);
            if (face >= s.scoreThreshold()) {
                int o = i * 4;
                out.add(new Detection(FACE, face, boxes.get(o) * w, boxes.get(o + 1) * h, boxes.get(o + 2) * w,
                        boxes.get(o + 3) * h));
            }
        }
        return out;
    }
}
