package io.skilldesigner.engine.model;

import java.util.ArrayList;
import java.util.List;

import io.skilldesigner.core.model.DecoderSettings;
import io.skilldesigner.core.model.OutputLayout;

/** [1, 4+C, N] (channels first): cx, cy, w, h (input pixels), then C class scores; no objectness. */
public final class YoloV8Decoder implements DetectionDecoder {
    @Override
    public List<Detection> candidates(List<OutputTensor> outputs, DecoderSettings s) {
        OutputTensor t = outputs.get(0);
        DetectionDecoder.require(t.shape().length == 3 && t.dim(1) > 4, t, OutputLayout.YOLOV8, "[1, 4+C, N]");
        int channels = (int) t.dim(1);
        int n = (int) t.dim(2);
        float thr = (float) s.scoreThreshold();
        List<Detection> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int best = 0;
            float bestScore = -1;
            for (int c = 4; c < channels; c++) {
                float v = t.get(c * n + i);
                if (v > bestScore) {
                    bestScore = v;
                    best = c - 4;
                }
            }
            if (bestScore >= thr) {
                out.add(Detection.center(best, bestScore, t.get(i), t.get(n + i), t.get(2 * n + i), t.get(3 * n + i)));
            }
        }
        return out;
    }
}
