package io.skilldesigner.engine.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.skilldesigner.core.model.DecoderSettings;
import io.skilldesigner.core.model.OutputLayout;

/**
 * Raw SSD heads whose box outputs are offsets against priors the caller generates (UltraFace without
 * post-processing, RetinaFace): centre = prior centre + d·0.1·prior size, size = prior size·exp(d·0.2).
 * Scores [1,N,C] have the background at index 0 (softmax applied here when the model did not); each prior
 * gives its best other class. RetinaFace's landmark offsets [1,N,10] decode the same way into five points.
 */
public final class PriorBoxDecoder implements DetectionDecoder {
    private static final double CENTRE_VARIANCE = 0.1;
    private static final double SIZE_VARIANCE = 0.2;

    /** How a family lays out its priors. */
    public enum Family {
        /** Strides 8/16/32/64, sizes {10,16,24} {32,48} {64,96} {128,192,256}; centres over ceil(input/stride). */
        ULTRAFACE(new int[] {8, 16, 32, 64}, new int[][] {{10, 16, 24}, {32, 48}, {64, 96}, {128, 192, 256}}, true,
                OutputLayout.ULTRAFACE_RAW),
        /** Steps 8/16/32, square sizes {16,32} {64,128} {256,512} (biubug6 Pytorch_Retinaface). */
        RETINAFACE(new int[] {8, 16, 32}, new int[][] {{16, 32}, {64, 128}, {256, 512}}, false,
                OutputLayout.RETINAFACE);

        private final int[] strides;
        private final int[][] sizes;
        private final boolean clamp;
        private final OutputLayout layout;

        Family(int[] strides, int[][] sizes, boolean clamp, OutputLayout layout) {
            this.strides = strides;
            this.sizes = sizes;
            this.clamp = clamp;
            this.layout = layout;
        }

        /** Priors as normalised cx, cy, w, h; order level, row, column, size. */
        public float[] priors(int w, int h) {
            List<float[]> out = new ArrayList<>();
            for (int l = 0; l < strides.length; l++) {
                int s = strides[l];
                int fw = (w + s - 1) / s;
                int fh = (h + s - 1) / s;
                for (int row = 0; row < fh; row++) {
                    for (int col = 0; col < fw; col++) {
                        for (int size : sizes[l]) {
                            float cx = this == ULTRAFACE ? (col + 0.5f) / fw : (col + 0.5f) * s / w;
                            float cy = this == ULTRAFACE ? (row + 0.5f) / fh : (row + 0.5f) * s / h;
                            float pw = size / (float) w;
                            float ph = size / (float) h;
                            out.add(clamp ? new float[] {c01(cx), c01(cy), c01(pw), c01(ph)}
                                    : new float[] {cx, cy, pw, ph});
                        }
                    }
                }
            }
            float[] flat = new float[out.size() * 4];
            for (int i = 0; i < out.size(); i++) {
                System.arraycopy(out.get(i), 0, flat, i * 4, 4);
            }
            return flat;
        }

        /** How many priors an input of w x h has. */
        public long count(long w, long h) {
            long n = 0;
            for (int l = 0; l < strides.length; l++) {
                long s = strides[l];
                n += ((w + s - 1) / s) * ((h + s - 1) / s) * sizes[l].length;
            }
            return n;
        }

        private static float c01(float v) {
            return Math.max(0, Math.min(1, v));
        }
    }

    private final Family family;
    /** Priors of the last input size (a decoder serves one runner, one thread). */
    private float[] priors;
    private int priorsW;
    private int priorsH;

    public PriorBoxDecoder(Family family) {
        this.family = family;
    }

    @Override
    public List<Detection> candidates(List<OutputTensor> outputs, DecoderSettings s) {
        OutputTensor boxes = null;
        OutputTensor scores = null;
        OutputTensor landmarks = null;
        for (OutputTensor t : outputs) {
            if (t.shape().length != 3) {
                continue;
            }
            String n = t.name().toLowerCase(Locale.ROOT);
            if (t.dim(2) == 4 && boxes == null && !n.contains("score") && !n.contains("conf")) {
                boxes = t;
            } else if (t.dim(2) == 10 && family == Family.RETINAFACE) {
                landmarks = t;
            } else if (t.dim(2) >= 2) {
                scores = t;
            }
        }
        String expected = family == Family.RETINAFACE
                ? "box offsets [1,N,4], scores [1,N,2] and landmark offsets [1,N,10]"
                : "scores [1,N,C] and box offsets [1,N,4]";
        if (boxes == null || scores == null || boxes.dim(1) != scores.dim(1)) {
            throw new IllegalArgumentException("outputs " + outputs + " do not fit layout " + family.layout
                    + " (expected " + expected + ")");
        }
        int w = s.inputWidth();
        int h = s.inputHeight();
        int n = (int) boxes.dim(1);
        if (priors == null || priorsW != w || priorsH != h) {
            priors = family.priors(w, h);
            priorsW = w;
            priorsH = h;
        }
        if (priors.length / 4 != n) {
            throw new IllegalArgumentException("outputs " + outputs + " do not fit layout " + family.layout + ": a "
                    + w + "x" + h + " input has " + priors.length / 4 + " priors, the model gives " + n + " rows");
        }
        int c = (int) scores.dim(2);
        boolean probabilities = isProbabilities(scores);
        float thr = (float) s.scoreThreshold();
        float[] row = new float[c];
        List<Detection> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < c; k++) {
                row[k] = scores.get(i * c + k);
            }
            if (!probabilities) {
                ClassificationDecoder.softmax(row);
            }
            int best = 1;
            for (int k = 2; k < c; k++) {
                if (row[k] > row[best]) {
                    best = k;
                }
            }
            if (row[best] < thr) {
                continue;
            }
            float pcx = priors[i * 4];
            float pcy = priors[i * 4 + 1];
            float pw = priors[i * 4 + 2];
            float ph = priors[i * 4 + 3];
            int o = i * 4;
            double cx = pcx + boxes.get(o) * CENTRE_VARIANCE * pw;
            double cy = pcy + boxes.get(o + 1) * CENTRE_VARIANCE * ph;
            double bw = pw * Math.exp(boxes.get(o + 2) * SIZE_VARIANCE);
            double bh = ph * Math.exp(boxes.get(o + 3) * SIZE_VARIANCE);
            float[] points = null;
            if (landmarks != null) {
                int p = (int) landmarks.dim(2);
                points = new float[p];
                for (int k = 0; k + 1 < p; k += 2) {
                    points[k] = (float) ((pcx + landmarks.get(i * p + k) * CENTRE_VARIANCE * pw) * w);
                    points[k + 1] = (float) ((pcy + landmarks.get(i * p + k + 1) * CENTRE_VARIANCE * ph) * h);
                }
            }
            out.add(new Detection(best, row[best], (float) ((cx - bw / 2) * w), (float) ((cy - bh / 2) * h),
                    (float) ((cx + bw / 2) * w), (float) ((cy + bh / 2) * h), points));
        }
        return out;
    }

    /** Scores already in 0..1 with rows summing to about 1 (softmax applied in the graph). */
    static boolean isProbabilities(OutputTensor scores) {
        int c = (int) scores.dim(2);
        int rows = (int) Math.min(scores.dim(1), 64);
        for (int i = 0; i < rows; i++) {
            float sum = 0;
            for (int k = 0; k < c; k++) {
                float v = scores.get(i * c + k);
                if (v < 0 || v > 1) {
                    return false;
                }
                sum += v;
            }
            if (Math.abs(sum - 1) > 0.01) {
                return false;
            }
        }
        return true;
    }
}
