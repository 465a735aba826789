package io.skilldesigner.engine.model;

import java.util.ArrayList;
import java.util.List;

import io.skilldesigner.core.model.DecoderSettings;
import io.skilldesigner.core.model.OutputLayout;

/**
 * YOLOX raw grid [1, N, 5+C]: rows are the cells of strides 8, 16 and 32, each grid row-major; per row
 * cx = (o0 + col)·s, cy = (o1 + row)·s, w = exp(o2)·s, h = exp(o3)·s (input pixels), o4 objectness, then C class
 * scores; score = objectness × best class. The official export applies the sigmoid in the graph; an export that
 * does not (values outside 0..1) gets it here.
 */
public final class YoloxDecoder implements FirstOutputDecoder {
    static final int[] STRIDES = {8, 16, 32};

    /** Rows of a YOLOX head for an input of w x h. */
    static long rows(long w, long h) {
        long n = 0;
        for (int s : STRIDES) {
            n += (w / s) * (h / s);
        }
        return n;
    }

    @Override
    public List<Detection> candidates(List<OutputTensor> outputs, DecoderSettings s) {
        OutputTensor t = outputs.get(0);
        DetectionDecoder.require(t.shape().length == 3 && t.dim(2) > 5, t, OutputLayout.YOLOX, "[1, N, 5+C]");
        int n = (int) t.dim(1);
        int stride = (int) t.dim(2);
        int w = s.inputWidth();
        int h = s.inputHeight();
        DetectionDecoder.require(rows(w, h) == n, t, OutputLayout.YOLOX, "N = " + rows(w, h)
                + " cells of strides 8/16/32 for a " + w + "x" + h + " input");
        boolean logits = hasLogits(t, stride);
        float thr = (float) s.scoreThreshold();
        List<Detection> out = new ArrayList<>();
        int i = 0;
        for (int st : STRIDES) {
            int gw = w / st;
            int gh = h / st;
            for (int row = 0; row < gh; row++) {
                for (int col = 0; col < gw; col++, i++) {
                    int o = i * stride;
                    float obj = prob(t.get(o + 4), logits);
                    if (obj < thr) {
                        continue; // class scores are at most 1
                    }
                    int best = t.argMax(o + 5, stride - 5, 1);
                    float bestScore = t.get(o + 5 + best);
                    float score = obj * prob(bestScore, logits);
                    if (score >= thr) {
                        out.add(Detection.center(best, score, (t.get(o) + col) * st, (t.get(o + 1) + row) * st,
                                (float) Math.exp(t.get(o + 2)) * st, (float) Math.exp(t.get(o + 3)) * st));
                    }
                }
            }
        }
        return out;
    }

    /** True when the scores are logits (some objectness outside 0..1). */
    private static boolean hasLogits(OutputTensor t, int stride) {
        for (int o = 4; o < t.size(); o += stride) {
            float v = t.get(o);
            if (v < 0 || v > 1) {
                return true;
            }
        }
        return false;
    }

    private static float prob(float v, boolean logits) {
        return logits ? YoloGridDecoder.sigmoid(v) : v;
    }
}
