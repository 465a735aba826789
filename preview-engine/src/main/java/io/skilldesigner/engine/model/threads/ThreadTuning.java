package io.skilldesigner.engine.model.threads;

import java.util.Comparator;
import java.util.List;

/**
 * The table a tuning measured for one model on one machine ({@link MachineKey}), and what it chose from it.
 */
public record ThreadTuning(String key, List<TuningEntry> table) {
    public ThreadTuning {
        table = List.copyOf(table);
        if (table.isEmpty()) {
            throw new IllegalArgumentException("a tuning needs at least one measured configuration");
        }
    }

    /** The fastest configuration for one stream: the best single-stage throughput. */
    public ThreadConfig chosen() {
        return bestFor(1);
    }

    /** The fastest configuration with at most {@code streams} concurrent stages (more stages need more streams). */
    public ThreadConfig bestFor(int streams) {
        return table.stream().filter(e -> e.config().stages() <= Math.max(1, streams))
                .max(Comparator.comparingDouble(TuningEntry::runsPerSecond))
                .orElse(table.get(0)).config();
    }

    /** The table as printed by {@code bench --tune}, the chosen row marked. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        ThreadConfig one = chosen();
        ThreadConfig many = bestFor(Integer.MAX_VALUE);
        sb.append(String.format(java.util.Locale.ROOT, "%-7s %-7s %-7s %10s %10s  %s%n", "intra", "inter", "stages",
                "runs/s", "ms/run", "chosen"));
        for (TuningEntry e : table) {
            ThreadConfig c = e.config();
            List<String> marks = new java.util.ArrayList<>();
            if (c.equals(one)) {
                marks.add("1 stream");
            }
            if (c.equals(many)) {
                marks.add("several streams");
            }
            String mark = String.join(", ", marks);
            sb.append(String.format(java.util.Locale.ROOT, "%-7d %-7d %-7d %10.2f %10.2f  %s%n", c.intraOp(),
                    c.interOp(), c.stages(), e.runsPerSecond(), e.msPerRun(), mark));
        }
        return sb.toString();
    }
}
