package io.skilldesigner.engine.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.skilldesigner.core.model.DecoderSettings;
import io.skilldesigner.core.model.OutputLayout;

/**
 * YuNet (OpenCV Zoo): per stride 8, 16, 32 four outputs over the cells (row-major, one anchor each): cls [1,n,1],
 * obj [1,n,1] (both sigmoid), bbox [1,n,4], kps [1,n,10]. Score = sqrt(cls·obj); cx = (col + b0)·s,
 * cy = (row + b1)·s, w = exp(b2)·s, h = exp(b3)·s; landmark k = ((col + k0)·s, (row + k1)·s), input pixels.
 * Outputs are grouped by their cell count; cls and obj need not be told apart (the score is symmetric).
 */
public final class YuNetDecoder implements DetectionDecoder {
    static final int[] STRIDES = {8, 16, 32};

    @Override
    public List<Detection> candidates(List<OutputTensor> outputs, DecoderSettings s) {
        int w = s.inputWidth();
        int h = s.inputHeight();
        float thr = (float) s.scoreThreshold();
        List<Detection> out = new ArrayList<>();
        for (int st : STRIDES) {
            int cols = w / st;
            int rows = h / st;
            Head head = head(outputs, (long) cols * rows, st);
            for (int row = 0; row < rows; row++) {
                for (int col = 0; col < cols; col++) {
                    int i = row * cols + col;
                    float cls = clip01(head.cls.get(i));
                    float obj = clip01(head.obj.get(i));
                    float score = (float) Math.sqrt(cls * obj);
                    if (score < thr) {
                        continue;
                    }
                    int o = i * 4;
                    float cx = (col + head.bbox.get(o)) * st;
                    float cy = (row + head.bbox.get(o + 1)) * st;
                    float bw = (float) Math.exp(head.bbox.get(o + 2)) * st;
                    float bh = (float) Math.exp(head.bbox.get(o + 3)) * st;
                    float[] points = null;
                    if (head.kps != null) {
                        int p = (int) head.kps.dim(2);
                        points = new float[p];
                        for (int k = 0; k + 1 < p; k += 2) {
                            points[k] = (col + head.kps.get(i * p + k)) * st;
                            points[k + 1] = (row + head.kps.get(i * p + k + 1)) * st;
                        }
                    }
                    out.add(new Detection(0, score, cx - bw / 2, cy - bh / 2, cx + bw / 2, cy + bh / 2, points));
                }
            }
        }
        return out;
    }

    private record Head(OutputTensor cls, OutputTensor obj, OutputTensor bbox, OutputTensor kps) { }

    private static Head head(List<OutputTensor> outputs, long cells, int stride) {
        List<OutputTensor> ones = new ArrayList<>();
        OutputTensor bbox = null;
        OutputTensor kps = null;
        for (OutputTensor t : outputs) {
            if (t.shape().length != 3 || t.dim(1) != cells) {
                continue;
            }
            String n = t.name().toLowerCase(Locale.ROOT);
            boolean otherStride = n.matches(".*_(8|16|32)$") && !n.endsWith("_" + stride);
            if (otherStride) {
                continue; // two strides never share a cell count for inputs of at least 64 px, names settle it
            }
            if (t.dim(2) == 1) {
                ones.add(t);
            } else if (t.dim(2) == 4) {
                bbox = t;
            } else if (t.dim(2) == 10) {
                kps = t;
            }
        }
        if (ones.size() != 2 || bbox == null) {
            throw new IllegalArgumentException("outputs " + outputs + " do not fit layout " + OutputLayout.YUNET
                    + ": stride " + stride + " needs cls [1," + cells + ",1], obj [1," + cells + ",1] and bbox [1,"
                    + cells + ",4] for a " + "input of this size");
        }
        return new Head(ones.get(0), ones.get(1), bbox, kps);
    }

    private static float clip01(float v) {
        return Math.max(0, Math.min(1, v));
    }
}
