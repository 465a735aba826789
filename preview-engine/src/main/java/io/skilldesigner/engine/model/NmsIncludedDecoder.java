package io.skilldesigner.engine.model;

import java.util.ArrayList;
import java.util.List;

import io.skilldesigner.core.model.DecoderSettings;
import io.skilldesigner.core.model.OutputLayout;

/** [1, N, 6]: x1, y1, x2, y2 (input pixels), score, class — the model already ran NMS. */
public final class NmsIncludedDecoder implements DetectionDecoder {
    @Override
    public List<Detection> candidates(List<OutputTensor> outputs, DecoderSettings s) {
        OutputTensor t = outputs.get(0);
        DetectionDecoder.require(t.shape().length == 3 && t.dim(2) == 6, t, OutputLayout.NMS_INCLUDED, "[1, N, 6]");
        int n = (int) t.dim(1);
        List<Detection> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int o = i * 6;
            float score = t.get(o + 4);
            if (score >= s.scoreThreshold()) {
                out.add(new Detection(Math.round(t.get(o + 5)), score, t.get(o), t.get(o + 1), t.get(o + 2),
                        t.get(o + 3)));
            }
        }
        return out;
    }

    @Override
    public boolean needsNms() {
        return false;
    }
}
