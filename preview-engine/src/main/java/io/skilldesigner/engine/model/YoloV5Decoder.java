package io.skilldesigner.engine.model;

import java.util.ArrayList;
import java.util.List;

import io.skilldesigner.core.model.DecoderSettings;
import io.skilldesigner.core.model.OutputLayout;

/** [1, N, 5+C]: cx, cy, w, h (input pixels), objectness, C class scores; score = objectness × best class. */
public final class YoloV5Decoder implements FirstOutputDecoder {
    @Override
    public List<Detection> candidates(List<OutputTensor> outputs, DecoderSettings s) {
        OutputTensor t = outputs.get(0);
        DetectionDecoder.require(t.shape().length == 3 && t.dim(2) > 5, t, OutputLayout.YOLOV5, "[1, N, 5+C]");
        int n = (int) t.dim(1);
        int stride = (int) t.dim(2);
        float thr = (float) s.scoreThreshold();
        List<Detection> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int o = i * stride;
            float obj = t.get(o + 4);
            if (obj < thr) {
                continue; // class scores are at most 1, so the product cannot reach the threshold
            }
            int best = t.argMax(o + 5, stride - 5, 1);
            float bestScore = t.get(o + 5 + best);
            float score = obj * bestScore;
            if (score >= thr) {
                out.add(Detection.center(best, score, t.get(o), t.get(o + 1), t.get(o + 2), t.get(o + 3)));
            }
        }
        return out;
    }
}
