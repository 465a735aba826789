package io.skilldesigner.canvas.tools;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import io.skilldesigner.canvas.SkillEditor;
import io.skilldesigner.canvas.TestSkills;
import io.skilldesigner.core.skill.Position;
import io.skilldesigner.core.skill.Skill;

/**
 * Opens a 1,000-node / ~1,500-edge skill and measures open time and frame times while panning (detail zoom and
 * overview) and while dragging a node. Not a test: run it as a main class (Monocle headless or under Xvfb).
 * Frame interval = time between AnimationTimer callbacks (60 Hz pulses when the work fits in 16 ms); pulse work
 * = time from the pre-layout to the post-layout pulse listener (CSS, culling, layout) of each frame.
 */
public final class CanvasBenchmark {
    private static final int FRAMES = 240;

    private CanvasBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(30, TimeUnit.SECONDS);
        Skill big = TestSkills.large(1000);
        System.out.printf("skill: %d nodes, %d edges; pipeline: %s, glass: %s%n", big.nodes().size(),
                big.edges().size(), System.getProperty("prism.order", "default"),
                System.getProperty("glass.platform", "default"));
        SkillEditor[] editor = new SkillEditor[1];
        Stage[] stage = new Stage[1];
        long[] work = new long[FRAMES * 4];
        int[] workCount = new int[1];
        long[] pre = new long[1];
        onFx(() -> {
            editor[0] = new SkillEditor(TestSkills.CATALOG, TestSkills.library());
            stage[0] = new Stage();
            Scene scene = new Scene(editor[0], 1500, 950);
            scene.addPreLayoutPulseListener(() -> pre[0] = System.nanoTime());
            scene.addPostLayoutPulseListener(() -> {
                if (pre[0] != 0 && workCount[0] < work.length) {
                    work[workCount[0]++] = System.nanoTime() - pre[0];
                }
            });
            stage[0].setScene(scene);
            stage[0].show();
        });
        // open: from setSkill until the first frame after it has been laid out
        long t0 = System.nanoTime();
        CompletableFuture<Long> opened = new CompletableFuture<>();
        Platform.runLater(() -> {
            editor[0].setSkill(big);
            new AnimationTimer() {
                int n;

                @Override
                public void handle(long now) {
                    if (++n == 2) { // the second callback follows the pulse that rendered the opened skill
                        stop();
                        opened.complete(System.nanoTime() - t0);
                    }
                }
            }.start();
        });
        System.out.printf("open (1000 nodes, fit to view, overview LOD): %.0f ms%n", opened.get(60, TimeUnit.SECONDS) / 1e6);
        // let the background validation of the opened skill finish so it does not compete with the frame timings
        Thread.sleep(3000);
        onFx(() -> System.out.printf("problems found by background validation: %d%n", editor[0].problems().size()));

        onFx(() -> {
            editor[0].canvas().viewport().scaleProperty().set(1);
            editor[0].centreOn("n500");
        });
        run("pan at zoom 1.0 (detail, culled)", work, workCount,
                i -> editor[0].canvas().viewport().panBy(i % 120 < 60 ? -8 : 8, i % 80 < 40 ? -4 : 4), editor);
        onFx(() -> editor[0].fitToView());
        run("pan at fit (overview LOD, all 1000 visible)", work, workCount,
                i -> editor[0].canvas().viewport().panBy(i % 120 < 60 ? -3 : 3, 0), editor);
        onFx(() -> {
            editor[0].canvas().viewport().scaleProperty().set(0.6);
            editor[0].centreOn("n500");
        });
        run("pan at zoom 0.6 (detail, ~100 views)", work, workCount,
                i -> editor[0].canvas().viewport().panBy(i % 120 < 60 ? -8 : 8, 0), editor);
        onFx(() -> {
            editor[0].canvas().viewport().scaleProperty().set(1);
            editor[0].centreOn("n500");
        });
        Position start = big.node("n500").orElseThrow().position();
        run("drag node n500 (live move + 3 edges)", work, workCount, i -> editor[0].canvas().previewMove(
                Map.of("n500", new Position(start.x() + (i % 100) * 4, start.y() + (i % 50) * 2))), editor);
        onFx(() -> editor[0].canvas().commitMove());
        Platform.exit();
    }

    private static void run(String name, long[] work, int[] workCount, IntConsumer step, SkillEditor[] editor)
            throws Exception {
        Thread.sleep(500);
        long fx0 = cpuNanos("JavaFX Application Thread");
        long render0 = cpuNanos("QuantumRenderer");
        long[] intervals = new long[FRAMES];
        CompletableFuture<Void> done = new CompletableFuture<>();
        onFx(() -> workCount[0] = 0);
        Platform.runLater(() -> new AnimationTimer() {
            long last;
            int i;

            @Override
            public void handle(long now) {
                long t = System.nanoTime();
                if (last != 0) {
                    intervals[i - 1] = t - last;
                }
                last = t;
                if (i == FRAMES) {
                    stop();
                    done.complete(null);
                    return;
                }
                step.accept(i++);
            }
        }.start());
        done.get(120, TimeUnit.SECONDS);
        double fxPerFrame = (cpuNanos("JavaFX Application Thread") - fx0) / 1e6 / FRAMES;
        double renderPerFrame = (cpuNanos("QuantumRenderer") - render0) / 1e6 / FRAMES;
        long[] w = Arrays.copyOf(work, Math.min(workCount[0], work.length));
        System.out.printf("%-45s frame interval ms p50 %.1f p95 %.1f max %.1f | pulse work ms p50 %.2f p95 %.2f"
                        + " max %.2f | CPU per frame: FX thread %.1f ms, render thread %.1f ms | views %d%n", name, pct(intervals, 50), pct(intervals, 95), pct(intervals, 100),
                pct(w, 50), pct(w, 95), pct(w, 100), fxPerFrame, renderPerFrame, editor[0].canvas().shownNodeViews());
    }

    /**
     * CPU time used so far by the threads whose names start with a prefix (FX application, renderer). Unlike wall-clock intervals it
     * does not grow when other processes compete for the cores, so it shows what one frame really costs.
     */
    private static long cpuNanos(String threadNamePrefix) {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long total = 0;
        for (java.lang.management.ThreadInfo t : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (t != null && t.getThreadName().startsWith(threadNamePrefix)) {
                total += Math.max(0, mx.getThreadCpuTime(t.getThreadId()));
            }
        }
        return total;
    }

    private static double pct(long[] values, int p) {
        List<Long> v = new ArrayList<>();
        for (long x : values) {
            if (x > 0) {
                v.add(x);
            }
        }
        if (v.isEmpty()) {
            return 0;
        }
        v.sort(null);
        int idx = Math.min(v.size() - 1, (int) Math.ceil(p / 100.0 * v.size()) - 1);
        return v.get(Math.max(0, idx)) / 1e6;
    }

    private static void onFx(Runnable r) throws Exception {
        CompletableFuture<Void> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                r.run();
                f.complete(null);
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        f.get(60, TimeUnit.SECONDS);
    }
}
