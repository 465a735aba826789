package io.skilldesigner.engine.model;

import java.util.ArrayList;
import java.util.List;

import io.skilldesigner.core.model.DecoderSettings;
import io.skilldesigner.core.model.OutputLayout;

/**
 * Single-scale anchor-free grid [1, 5+C, H, W] as FastestDet exports it: channel 0 objectness (sigmoid applied),
 * 1..4 box (cx offset and cy offset through tanh, width and height through sigmoid as fractions of the input),
 * then C class probabilities (softmax applied). Score = obj^0.6 · class^0.4 (FastestDet's own weighting).
 */
public final class AnchorFreeGridDecoder implements FirstOutputDecoder {
    @Override
    public List<Detection> candidates(List<OutputTensor> outputs, DecoderSettings s) {
        OutputTensor t = outputs.get(0);
        DetectionDecoder.require(t.shape().length == 4 && t.dim(1) > 5, t, OutputLayout.ANCHOR_FREE_GRID,
                "[1, 5+C, H, W]");
        int channels = (int) t.dim(1);
        int gh = (int) t.dim(2);
        int gw = (int) t.dim(3);
        int plane = gh * gw;
        float thr = (float) s.scoreThreshold();
        List<Detection> out = new ArrayList<>();
        for (int row = 0; row < gh; row++) {
            for (int col = 0; col < gw; col++) {
                int cell = row * gw + col;
                float obj = t.get(cell);
                int best = t.argMax(5 * plane + cell, channels - 5, plane);
                float bestP = t.get((5 + best) * plane + cell);
                float score = (float) (Math.pow(Math.max(0, obj), 0.6) * Math.pow(Math.max(0, bestP), 0.4));
                if (score < thr) {
                    continue;
                }
                float cx = (float) ((Math.tanh(t.get(plane + cell)) + col) / gw);
                float cy = (float) ((Math.tanh(t.get(2 * plane + cell)) + row) / gh);
                float bw = YoloGridDecoder.sigmoid(t.get(3 * plane + cell));
                float bh = YoloGridDecoder.sigmoid(t.get(4 * plane + cell));
                out.add(Detection.center(best, score, cx * s.inputWidth(), cy * s.inputHeight(),
                        bw * s.inputWidth(), bh * s.inputHeight()));
            }
        }
        return out;
    }
}
