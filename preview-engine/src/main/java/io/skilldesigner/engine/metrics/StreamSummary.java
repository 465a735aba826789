package io.skilldesigner.engine.metrics;

import java.util.List;
import java.util.Locale;

/** Per-stream figures of a skill running on several sources, with the aggregate and how fair the sharing was. */
public record StreamSummary(List<Row> rows) {
    /**
     * @param fps        output frames per second of the stream (first to last output frame)
     * @param drops      frames dropped anywhere in the stream (source and nodes)
     * @param p50Millis  capture-to-output latency, median
     */
    public record Row(String streamId, String source, long frames, double fps, long drops, double p50Millis,
                      double p95Millis, double seconds) {
    }

    public StreamSummary {
        rows = List.copyOf(rows);
    }

    /** Sum of the streams' rates. */
    public double aggregateFps() {
        return rows.stream().mapToDouble(Row::fps).sum();
    }

    /** Slowest stream's fps over the fastest's: 1 is perfectly fair. */
    public double fairness() {
        double min = rows.stream().mapToDouble(Row::fps).min().orElse(0);
        double max = rows.stream().mapToDouble(Row::fps).max().orElse(0);
        return max == 0 ? 1 : min / max;
    }

    public String format() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-10s %8s %8s %7s %9s %9s  %s%n", "stream", "frames", "fps", "drops",
                "lat p50", "lat p95", "source"));
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, "%-10s %8d %8.2f %7d %9.1f %9.1f  %s%n", r.streamId(), r.frames(),
                    r.fps(), r.drops(), r.p50Millis(), r.p95Millis(), r.source()));
        }
        sb.append(String.format(Locale.ROOT, "aggregate %.2f fps over %d streams, fairness (slowest/fastest) %.3f%n",
                aggregateFps(), rows.size(), fairness()));
        return sb.toString();
    }
}
