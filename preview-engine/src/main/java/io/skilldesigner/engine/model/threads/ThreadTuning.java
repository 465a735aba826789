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

    /** Above this share of the machine used by other processes while measuring, a table is not trusted. */
    public static final double DISTURBED = 0.25;

    /** The largest share of the machine other processes used while a row was measured; NaN when not recorded. */
    public double othersBusy() {
        double worst = 0;
        for (TuningEntry e : table) {
            if (e.othersBusy() == null || e.othersBusy().isNaN()) {
                return Double.NaN;
            }
            worst = Math.max(worst, e.othersBusy());
        }
        return worst;
    }

    /** Whether other processes competed for the cores while it was measured (or nobody recorded it). */
    public boolean disturbed() {
        double busy = othersBusy();
        return Double.isNaN(busy) || busy > DISTURBED;
    }

    /** When it was last measured (epoch ms; 0 when not recorded). */
    public long checkedAtMillis() {
        return table.stream().map(TuningEntry::checkedAtMillis).filter(java.util.Objects::nonNull)
                .mapToLong(Long::longValue).min().orElse(0);
    }

    /** The table as last checked at {@code millis} (its measurements unchanged). */
    public ThreadTuning checkedAt(long millis) {
        return new ThreadTuning(key, table.stream().map(e -> e.checkedAt(millis)).toList());
    }

    /** The fastest configuration for one stream. */
    public ThreadConfig chosen() {
        return bestFor(1);
    }

    /**
     * The fastest configuration (images per second) for {@code streams} streams. Any number of stages qualifies,
     * as a model node keeps as many frames of its stream in flight as its share of the stages; a batch is made of
     * different streams' inputs, so a batching configuration needs at least as many streams as inputs in flight
     * (stages times batch).
     */
    public ThreadConfig bestFor(int streams) {
        return table.stream().filter(e -> e.config().batch() == 1 || e.config().inputsInFlight() <= streams)
                .max(Comparator.comparingDouble(TuningEntry::runsPerSecond))
                .orElse(table.get(0)).config();
    }

    /**
     * The fastest configuration running one input at a time (one stage, no batch): what a loop that waits for each
     * result before it starts the next, as a user's script does, runs best with.
     */
    public ThreadConfig bestOneAtATime() {
        return table.stream().filter(e -> e.config().inputsInFlight() == 1)
                .max(Comparator.comparingDouble(TuningEntry::runsPerSecond))
                .orElse(table.get(0)).config();
    }

    /** The measured row of a configuration in this table. */
    public TuningEntry entry(ThreadConfig config) {
        return table.stream().filter(e -> e.config().equals(config)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(config.describe() + " was not measured"));
    }

    /** Whether batches were measured (the model has a dynamic batch dimension and the table is of this version). */
    public boolean measuredBatches() {
        return table.stream().anyMatch(e -> e.config().batch() > 1);
    }

    /** This table with {@code more} rows added (batches measured later). */
    public ThreadTuning plus(List<TuningEntry> more) {
        List<TuningEntry> all = new java.util.ArrayList<>(table);
        all.addAll(more);
        return new ThreadTuning(key, all);
    }

    /** The table as printed by {@code bench --tune}, the chosen row marked. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        ThreadConfig one = chosen();
        ThreadConfig many = bestFor(Integer.MAX_VALUE);
        sb.append(String.format(java.util.Locale.ROOT, "%-7s %-7s %-7s %-7s %10s %10s %12s  %s%n", "intra", "inter",
                "stages", "batch", "images/s", "ms/run", "others busy", "chosen"));
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
            String busy = e.othersBusy() == null || e.othersBusy().isNaN() ? "unknown"
                    : String.format(java.util.Locale.ROOT, "%.0f %%", e.othersBusy() * 100);
            sb.append(String.format(java.util.Locale.ROOT, "%-7d %-7d %-7d %-7d %10.2f %10.2f %12s  %s%n",
                    c.intraOp(), c.interOp(), c.stages(), c.batch(), e.runsPerSecond(), e.msPerRun(), busy, mark));
        }
        return sb.toString();
    }
}
