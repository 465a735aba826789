package io.skilldesigner.engine.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.skilldesigner.core.model.DecoderSettings;
import io.skilldesigner.core.model.OutputLayout;

/**
 * UltraFace (decoded): scores [1,N,C] (index 0 background, softmax applied; C = 2 for faces, more for e.g.
 * background, face, masked face) and boxes [1,N,4] as x1, y1, x2, y2 normalised to the input, already decoded
 * from the priors. Each row gives its best non-background class. Outputs are found by their last dimension (by
 * name when both end in 4).
 */
public final class UltraFaceDecoder implements DetectionDecoder {
    public static final int FACE = 1;

    @Override
    public List<Detection> candidates(List<OutputTensor> outputs, DecoderSettings s) {
        OutputTensor scores = null;
        OutputTensor boxes = null;
        for (OutputTensor t : outputs) {
            if (t.shape().length != 3) {
                continue;
            }
            boolean named = t.name().toLowerCase(Locale.ROOT).contains("box");
            if (t.dim(2) == 4 && boxes == null && (named || !t.name().toLowerCase(Locale.ROOT).contains("score"))) {
                boxes = t;
            } else if (t.dim(2) >= 2) {
                scores = t;
            }
        }
        if (scores == null || boxes == null || scores.dim(1) != boxes.dim(1)) {
            throw new IllegalArgumentException("outputs " + outputs + " do not fit layout " + OutputLayout.ULTRAFACE
                    + " (expected scores [1,N,C] and boxes [1,N,4])");
        }
        int n = (int) scores.dim(1);
        int c = (int) scores.dim(2);
        float w = s.inputWidth();
        float h = s.inputHeight();
        List<Detection> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int best = 1;
            for (int k = 2; k < c; k++) {
                if (scores.get(i * c + k) > scores.get(i * c + best)) {
                    best = k;
                }
            }
            float score = scores.get(i * c + best);
            if (score >= s.scoreThreshold()) {
                int o = i * 4;
                out.add(new Detection(best, score, boxes.get(o) * w, boxes.get(o + 1) * h, boxes.get(o + 2) * w,
                        boxes.get(o + 3) * h));
            }
        }
        return out;
    }
}
