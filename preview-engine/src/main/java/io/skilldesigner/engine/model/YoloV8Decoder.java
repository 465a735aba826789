package io.skilldesigner.engine.model;

import java.util.ArrayList;
import java.util.List;

import io.skilldesigner.core.model.DecoderSettings;
import io.skilldesigner.core.model.OutputLayout;

/**
 * YOLOv8/11: [1, 4+C, N] (channels first, the Ultralytics export) or [1, N, 4+C] (transposed exports): cx, cy, w,
 * h (input pixels), then C class scores; no objectness. The longer axis is the candidates.
 */
public final class YoloV8Decoder implements FirstOutputDecoder {
    @Override
    public List<Detection> candidates(List<OutputTensor> outputs, DecoderSettings s) {
        OutputTensor t = outputs.get(0);
        DetectionDecoder.require(t.shape().length == 3 && Math.min(t.dim(1), t.dim(2)) > 4, t, OutputLayout.YOLOV8,
                "[1, 4+C, N] or [1, N, 4+C]");
        boolean channelsFirst = t.dim(1) <= t.dim(2);
        int channels = (int) (channelsFirst ? t.dim(1) : t.dim(2));
        int n = (int) (channelsFirst ? t.dim(2) : t.dim(1));
        // element (channel c, candidate i)
        int cStep = channelsFirst ? n : 1;
        int iStep = channelsFirst ? 1 : channels;
        float thr = (float) s.scoreThreshold();
        List<Detection> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int best = 0;
            float bestScore = -1;
            for (int c = 4; c < channels; c++) {
                float v = t.get(c * cStep + i * iStep);
                if (v > bestScore) {
                    bestScore = v;
                    best = c - 4;
                }
            }
            if (bestScore >= thr) {
                int o = i * iStep;
                out.add(Detection.center(best, bestScore, t.get(o), t.get(o + cStep), t.get(o + 2 * cStep),
                        t.get(o + 3 * cStep)));
            }
        }
        return out;
    }
}
