package io.skilldesigner.engine.analytics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.skilldesigner.core.catalog.nodes.CounterNode;
import io.skilldesigner.core.catalog.nodes.LineCrossingNode;
import io.skilldesigner.core.catalog.nodes.TrackerNode;
import io.skilldesigner.core.catalog.nodes.ZoneNode;
import io.skilldesigner.engine.frame.BBox;
import io.skilldesigner.engine.frame.DetectedObject;
import io.skilldesigner.engine.frame.Frame;
import io.skilldesigner.engine.runtime.NodeRuntime;

/**
 * Per-frame cost of tracker → zone → line crossing → counter with N objects moving on straight paths (no pixels).
 * Not a test: run its main (see BENCHMARKS.md). Prints p50/mean/p95 microseconds per frame per node.
 */
public final class AnalyticsBenchmark {
    private AnalyticsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        for (int n : new int[] {10, 50, 200}) {
            run(n, 3000, 1000);
        }
    }

    private static void run(int objects, int frames, int warmup) throws Exception {
        NodeRuntime tracker = Synthetic.runtime(new TrackerRuntimeFactory(), new TrackerNode(), Map.of());
        NodeRuntime zone = Synthetic.runtime(new ZoneRuntimeFactory(), new ZoneNode(), Map.of());
        NodeRuntime line = Synthetic.runtime(new LineCrossingRuntimeFactory(), new LineCrossingNode(), Map.of());
        NodeRuntime counter = Synthetic.runtime(new CounterRuntimeFactory(), new CounterNode(),
                new HashMap<>(Map.of(CounterNode.THRESHOLD, 5L)));
        NodeRuntime[] nodes = {tracker, zone, line, counter};
        long[][] nanos = new long[nodes.length][frames];
        for (int i = 0; i < warmup + frames; i++) {
            Frame f = frame(i, objects);
            for (int k = 0; k < nodes.length; k++) {
                long t0 = System.nanoTime();
                f = nodes[k].process(f);
                if (i >= warmup) {
                    nanos[k][i - warmup] = System.nanoTime() - t0;
                }
            }
        }
        String[] names = {"tracker", "zone", "line crossing", "counter"};
        for (int k = 0; k < nodes.length; k++) {
            long[] v = nanos[k];
            Arrays.sort(v);
            double mean = Arrays.stream(v).average().orElse(0);
            System.out.printf(Locale.ROOT, "| %d | %s | %.1f | %.1f | %.1f |%n", objects, names[k], v[v.length / 2] / 1e3,
                    mean / 1e3, v[(int) (v.length * 0.95)] / 1e3);
        }
    }

    /** Objects on a grid, each moving diagonally and wrapping around, so tracks live long and cross the line. */
    private static Frame frame(long seq, int objects) {
        List<DetectedObject> out = new ArrayList<>(objects);
        int side = (int) Math.ceil(Math.sqrt(objects));
        for (int i = 0; i < objects; i++) {
            double x = ((i % side) / (double) side + seq * 0.001) % 0.95;
            double y = ((i / side) / (double) side + seq * 0.002) % 0.95;
            out.add(DetectedObject.of(i % 3 == 0 ? "car" : "person", 0.8f,
                    new BBox((float) x, (float) y, 0.6f / side, 0.6f / side)));
        }
        return Synthetic.frame(seq, out.toArray(DetectedObject[]::new));
    }
}
