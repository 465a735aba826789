package io.skilldesigner.engine.model;

import java.util.ArrayList;
import java.util.List;

import io.skilldesigner.core.model.DecoderSettings;
import io.skilldesigner.core.model.OutputLayout;

/**
 * Tiny-YOLOv2 / Azure Custom Vision grid [1, A·(5+C), H, W], decoded as KAN does: per cell and anchor
 * centre x = (σ(tx) + column) / W, y = (σ(ty) + row) / H, width = exp(tw)·anchor_w / W, height =
 * exp(th)·anchor_h / H; class probability = softmax(class logits) × σ(objectness); a (box, class) pair is kept
 * when its probability is above the threshold (KAN: &gt; 0.10), then class-wise greedy NMS (0.45) and the cap (20).
 */
public final class YoloGridDecoder implements FirstOutputDecoder {
    @Override
    public List<Detection> candidates(List<OutputTensor> outputs, DecoderSettings s) {
        OutputTensor t = outputs.get(0);
        List<Double> anchors = s.anchors().isEmpty() ? DecoderSettings.CUSTOM_VISION_ANCHORS : s.anchors();
        int a = anchors.size() / 2;
        DetectionDecoder.require(t.shape().length == 4 && a > 0 && t.dim(1) % a == 0 && t.dim(1) / a > 5, t,
                OutputLayout.YOLO_GRID, "[1, A*(5+C), H, W] with A=" + a + " anchors");
        int per = (int) (t.dim(1) / a);
        int classes = per - 5;
        int gh = (int) t.dim(2);
        int gw = (int) t.dim(3);
        int plane = gh * gw;
        float[] probs = new float[classes];
        List<Detection> out = new ArrayList<>();
        for (int k = 0; k < a; k++) {
            int base = k * per * plane;
            for (int row = 0; row < gh; row++) {
                for (int col = 0; col < gw; col++) {
                    int cell = row * gw + col;
                    float objectness = sigmoid(t.get(base + 4 * plane + cell));
                    softmax(t, base + 5 * plane + cell, plane, probs);
                    float cx = (sigmoid(t.get(base + cell)) + col) / gw;
                    float cy = (sigmoid(t.get(base + plane + cell)) + row) / gh;
                    float bw = (float) (Math.exp(t.get(base + 2 * plane + cell)) * anchors.get(2 * k) / gw);
                    float bh = (float) (Math.exp(t.get(base + 3 * plane + cell)) * anchors.get(2 * k + 1) / gh);
                    for (int c = 0; c < classes; c++) {
                        float p = probs[c] * objectness;
                        if (p > s.scoreThreshold()) {
                            out.add(Detection.center(c, p, cx * s.inputWidth(), cy * s.inputHeight(),
                                    bw * s.inputWidth(), bh * s.inputHeight()));
                        }
                    }
                }
            }
        }
        return out;
    }

    private static void softmax(OutputTensor t, int start, int stride, float[] out) {
        float max = Float.NEGATIVE_INFINITY;
        for (int c = 0; c < out.length; c++) {
            max = Math.max(max, t.get(start + c * stride));
        }
        float sum = 0;
        for (int c = 0; c < out.length; c++) {
            out[c] = (float) Math.exp(t.get(start + c * stride) - max);
            sum += out[c];
        }
        for (int c = 0; c < out.length; c++) {
            out[c] /= sum;
        }
    }

    static float sigmoid(float x) {
        return (float) (1 / (1 + Math.exp(-x)));
    }
}
