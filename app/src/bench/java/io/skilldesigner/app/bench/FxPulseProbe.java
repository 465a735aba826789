package io.skilldesigner.app.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

import com.sun.management.ThreadMXBean;
import javafx.animation.AnimationTimer;

/**
 * Measures the FX thread while the Live Preview runs: two AnimationTimers, one started before the page's display
 * timer and one after it. JavaFX runs a pulse's timers in the order they were started, so per pulse the first
 * gives the pulse interval and the difference between the two is what the page's paint cost (time and bytes
 * allocated on the FX thread). Preallocated arrays: the probe itself allocates nothing per pulse.
 */
final class FxPulseProbe {
    private final long[] before;
    private final long[] after;
    private final long[] allocBefore;
    private final long[] allocAfter;
    private final long[] paintedAfter;
    private final ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final LongSupplier painted;
    private int pulses;
    private final AnimationTimer first = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (pulses < before.length) {
                before[pulses] = System.nanoTime();
                allocBefore[pulses] = threads.getCurrentThreadAllocatedBytes();
            }
        }
    };
    private final AnimationTimer second = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (pulses < before.length) {
                after[pulses] = System.nanoTime();
                allocAfter[pulses] = threads.getCurrentThreadAllocatedBytes();
                paintedAfter[pulses] = painted.getAsLong();
                pulses++;
            }
        }
    };

    /** @param painted the page's count of painted frames (read on the FX thread) */
    FxPulseProbe(int capacity, LongSupplier painted) {
        before = new long[capacity];
        after = new long[capacity];
        allocBefore = new long[capacity];
        allocAfter = new long[capacity];
        paintedAfter = new long[capacity];
        this.painted = painted;
    }

    /** FX thread, before the page's display timer starts. */
    void startFirst() {
        first.start();
    }

    /** FX thread, after the page's display timer started. */
    void startSecond() {
        second.start();
    }

    void stop() {
        first.stop();
        second.stop();
    }

    /** What happened between two System.nanoTime() instants; call on the FX thread (or after stop()). */
    Result between(long fromNanos, long toNanos) {
        List<Double> intervals = new ArrayList<>();
        List<Double> paintNew = new ArrayList<>();
        List<Double> paintSame = new ArrayList<>();
        List<Double> allocNew = new ArrayList<>();
        List<Double> allocSame = new ArrayList<>();
        for (int i = 1; i < pulses; i++) {
            if (before[i] < fromNanos || before[i] > toNanos || after[i] == 0) {
                continue;
            }
            intervals.add((before[i] - before[i - 1]) / 1e6);
            boolean newFrame = paintedAfter[i] != paintedAfter[i - 1];
            (newFrame ? paintNew : paintSame).add((after[i] - before[i]) / 1e6);
            (newFrame ? allocNew : allocSame).add((allocAfter[i] - allocBefore[i]) / 1024.0);
        }
        return new Result(Stats.of(intervals), Stats.above(intervals, 50), Stats.above(intervals, 33.4),
                Stats.of(paintNew), Stats.of(paintSame), Stats.of(allocNew), Stats.of(allocSame));
    }

    /**
     * @param pulseMs     interval between pulses
     * @param paintNewMs  page paint cost on pulses that painted a new frame; paintSameMs on the others
     * @param allocNewKb  bytes (KiB) the FX thread allocated in the page's paint on pulses with a new frame
     */
    record Result(Stats pulseMs, long stallsOver50, long over33, Stats paintNewMs, Stats paintSameMs,
                  Stats allocNewKb, Stats allocSameKb) {
    }
}
