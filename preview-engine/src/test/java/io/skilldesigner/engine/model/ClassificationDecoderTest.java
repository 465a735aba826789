package io.skilldesigner.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.FloatBuffer;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Top-k, and when softmax is (not) applied. */
class ClassificationDecoderTest {
    private static List<ClassScore> top(int k, float... v) {
        return ClassificationDecoder.topK(new OutputTensor("o", new long[] {1, v.length}, FloatBuffer.wrap(v)), k,
                i -> "c" + i);
    }

    @Test
    void logitsGetSoftmax() {
        List<ClassScore> t = top(2, 2f, -1f, 0f);
        double sum = Math.exp(2) + Math.exp(-1) + 1;
        assertEquals("c0", t.get(0).label());
        assertEquals(Math.exp(2) / sum, t.get(0).score(), 1e-6);
        assertEquals("c2", t.get(1).label());
        assertEquals(1 / sum, t.get(1).score(), 1e-6);
    }

    @Test
    void probabilitiesAndSigmoidScoresStayAsTheyAre() {
        assertEquals(0.7f, top(1, 0.1f, 0.7f, 0.2f).get(0).score(), 1e-7);
        List<ClassScore> multiLabel = top(3, 0.9f, 0.8f, 0.05f);
        assertEquals(0.9f, multiLabel.get(0).score(), 1e-7);
        assertEquals(0.8f, multiLabel.get(1).score(), 1e-7);
        assertEquals(3, multiLabel.size());
        assertEquals(2, top(5, 0.5f, 0.5f).size(), "k larger than C");
    }

    @Test
    void topKIsTheFullSortsHeadWithTiesInClassOrder() {
        java.util.Random random = new java.util.Random(7);
        for (int round = 0; round < 200; round++) {
            int n = 1 + random.nextInt(1200);
            float[] v = new float[n];
            for (int i = 0; i < n; i++) {
                v[i] = random.nextInt(50) / 50f; // many ties, all in 0..1: used as they are
            }
            int k = 1 + random.nextInt(6);
            List<Integer> sorted = java.util.stream.IntStream.range(0, n).boxed()
                    .sorted(java.util.Comparator.comparingDouble((Integer i) -> v[i]).reversed()).toList();
            List<Integer> got = top(k, v).stream().map(ClassScore::index).toList();
            assertEquals(sorted.subList(0, Math.min(k, n)), got, "n=" + n + " k=" + k);
        }
    }
}
