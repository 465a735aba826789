package io.skilldesigner.engine.metrics;

import java.util.List;
import java.util.Map;

/**
 * A run's figures: output frames per second (between the first and the last output frame), every node's metrics, what each runtime reported
 * about itself (e.g. a model's execution provider).
 */
public record RunSummary(String skillId, double seconds, long outputFrames, double fps, List<NodeMetrics> nodes,
                         Map<String, Map<String, String>> runtimeInfo) {
    public RunSummary {
        nodes = List.copyOf(nodes);
        runtimeInfo = Map.copyOf(runtimeInfo);
    }

    /** A human-readable table for the command line and logs. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("skill %s: %d frames, %.2f fps (run %.2f s)%n", skillId, outputFrames, fps, seconds));
        sb.append(String.format("%-20s %-14s %8s %8s %6s %6s %9s %9s  %s%n", "node", "type", "in", "out", "drops",
                "errors", "p50 ms", "p95 ms", "state"));
        for (NodeMetrics m : nodes) {
            sb.append(String.format("%-20s %-14s %8d %8d %6d %6d %9.2f %9.2f  %s%s%n", m.nodeId(), m.typeId(),
                    m.framesIn(), m.framesOut(), m.drops(), m.errors(), m.p50Millis(), m.p95Millis(), m.state(),
                    m.lastError().isEmpty() ? "" : " (" + m.lastError() + ")"));
        }
        runtimeInfo.forEach((id, info) -> sb.append(id).append(": ").append(info).append(System.lineSeparator()));
        return sb.toString();
    }
}
