package io.skilldesigner.engine.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * [1,C] or [1,C,1,1] class scores → the top k. Softmax is applied when the values are logits (any value outside
 * 0..1); values inside 0..1 are probabilities, used as they are (softmax outputs summing to 1, or independent
 * sigmoid scores of a multi-label model, which must not be squashed together).
 */
public final class ClassificationDecoder {
    private ClassificationDecoder() {
    }

    public static List<ClassScore> topK(OutputTensor t, int k, IntFunction<String> labels) {
        int n = t.size();
        float[] p = new float[n];
        boolean inRange = true;
        for (int i = 0; i < n; i++) {
            p[i] = t.get(i);
            inRange &= p[i] >= 0 && p[i] <= 1;
        }
        if (!inRange) {
            softmax(p);
        }
        // Top k by insertion (k is small): no boxing and no full sort of e.g. 1,000 ImageNet classes per frame.
        // Ties keep the lower class index first.
        int m = Math.min(k, n);
        int[] best = new int[m];
        int filled = 0;
        for (int i = 0; i < n; i++) {
            int at = filled;
            while (at > 0 && p[i] > p[best[at - 1]]) {
                at--;
            }
            if (at >= m) {
                continue;
            }
            int last = Math.min(filled, m - 1);
            System.arraycopy(best, at, best, at + 1, last - at);
            best[at] = i;
            filled = Math.min(filled + 1, m);
        }
        List<ClassScore> out = new ArrayList<>(m);
        for (int i = 0; i < m; i++) {
            out.add(new ClassScore(best[i], labels.apply(best[i]), p[best[i]]));
        }
        return out;
    }

    static void softmax(float[] v) {
        float max = Float.NEGATIVE_INFINITY;
        for (float x : v) {
            max = Math.max(max, x);
        }
        double sum = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) Math.exp(v[i] - max);
            sum += v[i];
        }
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (v[i] / sum);
        }
    }
}
