package io.skilldesigner.app.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;

import io.skilldesigner.app.preview.PreviewSession;
import io.skilldesigner.engine.metrics.NodeMetrics;

/**
 * Counters of a preview run at one instant; two of them give the rates over a window.
 *
 * @param modelNode the model node measured: the detector, or the last model of the cascade
 * @param decoded   frames the camera node decoded (its framesIn)
 * @param sourceOut frames it sent on (paced to the skill's fps)
 * @param drops     frames the source replaced before the detector could take them
 * @param inferred  frames the model node finished (its framesOut)
 * @param outputs   distinct newest frames the session made available to the display
 * @param painted   distinct frames the display painted (or, headless, took)
 */
record RunSnapshot(String modelNode, long nanos, long decoded, long sourceOut, long drops, long inferred,
                   double modelP50, double modelP95, long outputs, long painted, long gcCount, long gcMillis) {

    static RunSnapshot take(PreviewSession s, String sourceId, String modelNodeId, long painted) {
        NodeMetrics src = s.engine().metrics(sourceId);
        NodeMetrics model = s.engine().metrics(modelNodeId);
        long gcCount = 0;
        long gcMillis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcCount += Math.max(0, gc.getCollectionCount());
            gcMillis += Math.max(0, gc.getCollectionTime());
        }
        return new RunSnapshot(modelNodeId, System.nanoTime(), src.framesIn(), src.framesOut(), src.drops(),
                model.framesOut(), model.p50Millis(), model.p95Millis(), s.outputFrames(), painted, gcCount, gcMillis);
    }

    /** The rates between an earlier snapshot and this one. */
    String ratesSince(RunSnapshot start) {
        double sec = (nanos - start.nanos) / 1e9;
        long out = outputs - start.outputs;
        long shown = painted - start.painted;
        return String.format(Locale.ROOT, """
                        window %.1f s
                          source decoded        %6.2f fps (%d frames), sent on %.2f fps, dropped before the detector %.2f fps
                          %-21s %6.2f fps, latency p50 %.1f ms p95 %.1f ms (engine's recent window)
                          newest frames offered %6.2f fps (%d distinct)
                          frames painted        %6.2f fps (%d) = %.1f%% of the distinct newest frames offered
                          GC during window      %d collections, %d ms""",
                sec, (decoded - start.decoded) / sec, decoded - start.decoded, (sourceOut - start.sourceOut) / sec,
                (drops - start.drops) / sec, modelNode + " (model)", (inferred - start.inferred) / sec, modelP50,
                modelP95, out / sec, out,
                shown / sec, shown, out == 0 ? 0 : 100.0 * shown / out, gcCount - start.gcCount,
                gcMillis - start.gcMillis);
    }
}
