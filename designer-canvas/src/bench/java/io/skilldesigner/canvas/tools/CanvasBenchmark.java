package io.skilldesigner.canvas.tools;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.scene.robot.Robot;
import javafx.stage.Stage;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

import io.skilldesigner.canvas.SkillEditor;
import io.skilldesigner.canvas.TestSkills;
import io.skilldesigner.core.io.SkillJson;
import io.skilldesigner.core.skill.Position;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.skill.SkillEdge;
import io.skilldesigner.core.validation.Problem;
import io.skilldesigner.core.validation.SkillValidator;

/**
 * Measures what a user of the designer canvas feels with a 1,000-node / 1,500-edge skill. Not a test: a main class,
 * run under Xvfb (real X mouse events through XTest) or Monocle headless.
 * <ul>
 * <li>open (twice: cold, then again in the same JVM): from reading the skill file on disk to the first frame painted after {@code setSkill} with the problems
 * list filled (whichever comes last);</li>
 * <li>heap: used heap after GC with the skill open minus the empty editor's;</li>
 * <li>pan (secondary button held, the mouse moved every frame by a {@link Robot}) at zoom 1.0, 0.6 and fit-to-view,
 * and drag of one node (primary button) at the same zooms.</li>
 * </ul>
 * Frame cost comes from JavaFX's own pulse instrumentation: with the flight recorder running, JavaFX emits one
 * {@code javafx.PulsePhase} event per phase of every pulse, on the FX thread (CSS, layout, copying state to the
 * render graph) and on the render thread (dirty regions, painting and presenting), tagged with the pulse number.
 * "render" is the sum of the render thread's phases of one pulse, "FX" the FX thread's phases except the wait for the
 * previous frame. The frame interval (between AnimationTimer callbacks) is printed too: its floor is the 60 Hz pulse.
 */
public final class CanvasBenchmark {
    private static final int FRAMES = 300;
    private static final int NODES = 1000;
    private static final int EDGES = 1500;
    private static final String RENDER_THREAD = "QuantumRenderer";
    private static final String WAIT_PHASE = "Waiting for previous rendering";
    private final Recording jfr = new Recording();
    private SkillEditor editor;
    private Robot robot;
    private ObservableList<Problem> problemsList;

    private CanvasBenchmark() {
    }

    /** One pulse: FX-thread work, render-thread work, when it started and when its rendering ended. */
    private record Pulse(int id, Instant start, double fxMs, double renderMs, Instant renderEnd) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("--write")) {
            Files.write(Path.of(args[1]), new SkillJson(TestSkills.CATALOG).toBytes(skill()));
            return;
        }
        if (args.length == 2 && args[0].equals("--write-small")) {
            Files.write(Path.of(args[1]), new SkillJson(TestSkills.CATALOG).toBytes(TestSkills.realistic()));
            return;
        }
        try {
            new CanvasBenchmark().run();
        } finally {
            Platform.exit(); // also after a failure: the FX thread would keep the JVM alive
        }
    }

    /** {@link TestSkills#large} plus extra fan-in edges up to {@link #EDGES}. */
    static Skill skill() {
        Skill s = TestSkills.large(NODES);
        List<SkillEdge> edges = new ArrayList<>(s.edges());
        int columns = 40;
        for (int i = columns + 1; i < NODES && edges.size() < EDGES; i += 2) {
            if (i % columns < columns - 1) {
                edges.add(SkillEdge.of("n" + (i - columns + 1), "f", "n" + i, "f"));
            }
        }
        return s.withEdges(edges);
    }

    private void run() throws Exception {
        // JavaFX registers its pulse events only if the flight recorder runs before the toolkit starts
        jfr.enable("javafx.PulsePhase").withoutStackTrace().withThreshold(java.time.Duration.ZERO);
        jfr.start();
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(30, TimeUnit.SECONDS);

        // -Dbench.file=F: open F, written beforehand by `CanvasBenchmark --write F` in another JVM, so that the
        // first open is not warmed up by writing the file (which loads and runs much of the same JSON code)
        String given = System.getProperty("bench.file");
        Path file;
        if (given == null) {
            file = Files.createTempFile("large", SkillJson.EXTENSION);
            Files.write(file, new SkillJson(TestSkills.CATALOG).toBytes(skill()));
        } else {
            file = Path.of(given);
        }
        System.out.printf("skill: %s%s, %d KB; pipeline: %s, glass: %s, java %s, javafx %s%n", file,
                given == null ? " (written in this JVM)" : "", Files.size(file) / 1024,
                com.sun.prism.GraphicsPipeline.getPipeline().getClass().getSimpleName(),
                com.sun.glass.ui.Application.GetApplication().getClass().getSimpleName(),
                System.getProperty("java.version"), System.getProperty("javafx.runtime.version"));

        onFx(() -> {
            editor = new SkillEditor(TestSkills.CATALOG, TestSkills.library());
            Stage stage = new Stage();
            stage.setScene(new Scene(editor, 1500, 950));
            stage.setX(0);
            stage.setY(0);
            stage.show();
            robot = new Robot();
        });
        // -Dbench.listed=F (e.g. written by --write-small): read and check F before the measured open, as the
        // app's Skills page does with the workspace's skills when the app starts, before a user can open one
        String listed = System.getProperty("bench.listed");
        if (listed != null) {
            Skill small = new SkillJson(TestSkills.CATALOG).read(Path.of(listed));
            int problems = new SkillValidator(TestSkills.CATALOG, TestSkills.library()).validate(small).size();
            System.out.printf("listed before the open (as the Skills page at start): %s, %d nodes, %d problems%n",
                    listed, small.nodes().size(), problems);
        }
        Thread.sleep(1500);
        long emptyHeap = settledHeap();
        open(file, "open from file, first in this JVM");
        Thread.sleep(1000);
        long openHeap = settledHeap();
        System.out.printf("heap after GC: empty editor %.0f MB, with the skill open %.0f MB, difference %.0f MB%n",
                emptyHeap / 1e6, openHeap / 1e6, (openHeap - emptyHeap) / 1e6);
        // a second open of the same file shows the cost without class loading and cold JIT
        onFx(() -> editor.setSkill(Skill.empty("empty", "Empty")));
        Thread.sleep(1500);
        open(file, "open from file, again");
        Thread.sleep(1000);
        if ("open".equals(System.getProperty("bench.only"))) {
            jfr.close();
            return;
        }

        String shots = System.getProperty("bench.screenshots");
        if (shots != null) {
            for (Zoom z : List.of(Zoom.FIT, Zoom.ONE, Zoom.POINT_SIX)) {
                zoom(z);
                screenshot(Path.of(shots, "canvas-large-" + z.name().toLowerCase(java.util.Locale.ROOT) + ".png"));
            }
        }
        Skill big = fx(() -> editor.getSkill());
        for (Zoom z : Zoom.values()) {
            zoom(z);
            // start in the gap left of n500 and above it, so the press is on the background at every zoom
            Position n = big.node("n500").orElseThrow().position();
            Point2D c = fx(() -> {
                Point2D local = editor.canvas().viewport().toScreen(n.x() - 20, n.y() - 40);
                return editor.canvas().localToScreen(local.getX(), local.getY());
            });
            // sweep right and down and back, so new parts of the graph come into view
            gesture("pan, " + z.label, MouseButton.SECONDARY, c.getX(), c.getY(),
                    i -> new Point2D(i < FRAMES / 2 ? -i * 5 : -(FRAMES - i) * 5, (i % 60 < 30 ? i % 30 : 30 - i % 30) * 3));
        }
        for (Zoom z : Zoom.values()) {
            zoom(z);
            dragNode("drag node, " + z.label);
            onFx(() -> editor.undo());
        }
        // the floor: what panning an empty graph area (grid only) costs in this window on this pipeline
        onFx(() -> editor.setSkill(Skill.empty("empty", "Empty")));
        Thread.sleep(800);
        Point2D c = fx(() -> editor.canvas().localToScreen(editor.canvas().getWidth() / 2, 100));
        gesture("pan, empty skill", MouseButton.SECONDARY, c.getX(), c.getY(), i -> new Point2D(-i * 2, i % 30));
        jfr.close();
        Platform.exit();
    }

    private enum Zoom {
        ONE("zoom 1.0", 1), POINT_SIX("zoom 0.6", 0.6), FIT("fit to view", 0);

        final String label;
        final double scale;

        Zoom(String label, double scale) {
            this.label = label;
            this.scale = scale;
        }
    }

    private void zoom(Zoom z) throws Exception {
        onFx(() -> {
            if (z == Zoom.FIT) {
                editor.fitToView();
            } else {
                editor.canvas().viewport().scaleProperty().set(z.scale);
                editor.centreOn("n500");
            }
        });
        Thread.sleep(800); // the views of the new area are made on the next pulse
    }

    /** What the screen shows of the canvas (under Xvfb: the X server's pixels), as a PNG. */
    private void screenshot(Path file) throws Exception {
        javafx.scene.image.WritableImage shot = fx(() -> {
            javafx.geometry.Bounds b = editor.canvas().localToScreen(editor.canvas().getBoundsInLocal());
            return robot.getScreenCapture(null, b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight(), false);
        });
        Files.createDirectories(file.getParent());
        javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(shot, null), "png", file.toFile());
        System.out.println("screenshot: " + file);
    }

    /** From reading the file to the painted skill with its problems listed. */
    private void open(Path file, String label) throws Exception {
        CompletableFuture<Instant> problemsFilled = new CompletableFuture<>();
        // keep the list: problems() is an unmodifiable wrapper that holds its listeners only weakly
        problemsList = fx(() -> editor.problems());
        // the large skill has over a thousand problems, an empty one a handful
        ListChangeListener<Problem> filled = c -> {
            if (problemsList.size() > 100) {
                problemsFilled.complete(Instant.now());
            }
        };
        onFx(() -> problemsList.addListener(filled));
        long cpu0 = processCpuNanos();
        Map<String, Long> threads0 = threadTicks();
        Instant t0 = Instant.now();
        long n0 = System.nanoTime();
        Skill skill = new SkillJson(TestSkills.CATALOG).read(file);
        long read = System.nanoTime() - n0;
        Instant[] set = new Instant[2];
        onFx(() -> {
            set[0] = Instant.now();
            editor.setSkill(skill);
            editor.fitToView();
            set[1] = Instant.now();
        });
        Instant problems = problemsFilled.get(60, TimeUnit.SECONDS);
        onFx(() -> problemsList.removeListener(filled));
        // the problems can be listed before the frame is painted: wait for that frame
        Optional<Pulse> rendered = Optional.empty();
        for (int i = 0; i < 50 && rendered.isEmpty(); i++) {
            rendered = pulses(set[1], Instant.now()).stream().filter(p -> p.renderEnd() != null).findFirst();
            if (rendered.isEmpty()) {
                Thread.sleep(100);
            }
        }
        Pulse painted = rendered.orElseThrow(() -> new IllegalStateException("no rendered pulse after opening"));
        Instant end = painted.renderEnd().isAfter(problems) ? painted.renderEnd() : problems;
        // CPU of every thread (FX, render, validation, JIT compilers, GC) up to now: a little after the end, but
        // unlike the wall-clock time it does not grow while the threads wait for a core taken by other processes
        double cpu = (processCpuNanos() - cpu0) / 1e6;
        Map<String, Long> threads1 = threadTicks();
        System.out.printf(label + ": %.0f ms (read + parse %.0f ms, setSkill + fit %.0f ms, painted at %.0f ms"
                        + " (that frame: render %.0f ms), problems listed at %.0f ms; %d problems; process CPU"
                        + " %.0f ms; load average %.1f)%n", ms(t0, end),
                read / 1e6, ms(set[0], set[1]), ms(t0, painted.renderEnd()), painted.renderMs(), ms(t0, problems),
                fx(() -> editor.problems().size()), cpu,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        if (!threads1.isEmpty()) {
            Map<String, Long> used = new TreeMap<>();
            threads1.forEach((name, ticks) -> used.merge(name, ticks - threads0.getOrDefault(name, 0L), Long::sum));
            System.out.println("    CPU ms by thread: " + used.entrySet().stream().filter(e -> e.getValue() > 0)
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .map(e -> e.getKey() + " " + e.getValue() * 10).collect(java.util.stream.Collectors.joining(", ")));
        }
    }

    /** Drags node n500 with the primary button 400 px right and back, wobbling up and down. */
    private void dragNode(String name) throws Exception {
        Position before = fx(() -> editor.getSkill().node("n500").orElseThrow().position());
        Point2D c = fx(() -> {
            Point2D world = new Point2D(before.x() + 60, before.y() + 30);
            Point2D local = editor.canvas().viewport().toScreen(world.getX(), world.getY());
            return editor.canvas().localToScreen(local.getX(), local.getY());
        });
        gesture(name, MouseButton.PRIMARY, c.getX(), c.getY(),
                i -> new Point2D(i * 2, (i % 40 < 20 ? i % 20 : 20 - i % 20) * 2));
        Thread.sleep(300);
        Position after = fx(() -> editor.getSkill().node("n500").orElseThrow().position());
        System.out.printf("    node n500 %s%n", before.equals(after) ? "did NOT move (no node drag at this zoom)"
                : "moved from " + before + " to " + after);
    }

    /** Presses at a screen point, moves by {@code offset(i)} on every frame, releases; reports the frames. */
    private void gesture(String name, MouseButton button, double x, double y, IntFunction<Point2D> offset)
            throws Exception {
        int[] events = new int[2];
        javafx.event.EventHandler<javafx.scene.input.MouseEvent> counter = e -> {
            events[e.getEventType() == javafx.scene.input.MouseEvent.MOUSE_DRAGGED ? 0 : 1]++;
            if (Boolean.getBoolean("bench.dump") && e.getEventType() == javafx.scene.input.MouseEvent.MOUSE_PRESSED) {
                System.out.println("    " + e.getEventType() + " " + e.getButton() + " " + e.getSceneX() + "," + e.getSceneY() + " target " + e.getTarget() + " primary " + e.isPrimaryButtonDown() + " secondary " + e.isSecondaryButtonDown() + " tx " + editor.canvas().viewport().txProperty().get());
            }
        };
        onFx(() -> editor.getScene().addEventFilter(javafx.scene.input.MouseEvent.ANY, counter));
        onFx(() -> robot.mouseMove(x, y));
        Thread.sleep(300);
        onFx(() -> robot.mousePress(button));
        Thread.sleep(300);
        long[] intervals = new long[FRAMES];
        long cpu0 = cpuNanos(RENDER_THREAD);
        CompletableFuture<Void> done = new CompletableFuture<>();
        Instant[] window = new Instant[2];
        Platform.runLater(() -> new AnimationTimer() {
            long last;
            int i;

            @Override
            public void handle(long now) {
                long t = System.nanoTime();
                if (last == 0) {
                    window[0] = Instant.now();
                } else {
                    intervals[i - 1] = t - last;
                }
                last = t;
                if (i == FRAMES) {
                    stop();
                    window[1] = Instant.now();
                    robot.mouseRelease(button);
                    done.complete(null);
                    return;
                }
                Point2D d = offset.apply(i++);
                robot.mouseMove(x + d.getX(), y + d.getY());
            }
        }.start());
        done.get(180, TimeUnit.SECONDS);
        long renderCpu = cpuNanos(RENDER_THREAD) - cpu0;
        onFx(() -> editor.getScene().removeEventFilter(javafx.scene.input.MouseEvent.ANY, counter));
        List<Pulse> frames = pulses(window[0], window[1]).stream().filter(p -> p.renderEnd() != null).toList();
        double[] render = frames.stream().mapToDouble(Pulse::renderMs).toArray();
        double[] fxWork = frames.stream().mapToDouble(Pulse::fxMs).toArray();
        double[] interval = Arrays.stream(intervals, 0, FRAMES - 1).mapToDouble(v -> v / 1e6).toArray();
        System.out.printf("%-22s frames %3d | render ms p50 %5.1f p95 %5.1f max %6.1f | FX ms p50 %4.1f p95 %5.1f"
                        + " | render CPU ms/frame %4.1f | frame interval ms p50 %4.1f p95 %5.1f | node views %d"
                        + " | mouse drags %d, other %d%n",
                name, frames.size(), pct(render, 50), pct(render, 95), pct(render, 100), pct(fxWork, 50),
                pct(fxWork, 95), renderCpu / 1e6 / Math.max(1, frames.size()), pct(interval, 50), pct(interval, 95), fx(() -> editor.canvas().shownNodeViews()),
                events[0], events[1]);
    }

    /** The pulses that started inside a time window, from the recorded phase events. */
    private List<Pulse> pulses(Instant from, Instant to) throws java.io.IOException {
        Path dump = Files.createTempFile("canvas-bench", ".jfr");
        jfr.dump(dump);
        List<RecordedEvent> phases = RecordingFile.readAllEvents(dump).stream()
                .filter(e -> e.getEventType().getName().equals("javafx.PulsePhase")).toList();
        Files.delete(dump);
        Map<Integer, List<RecordedEvent>> byPulse = new TreeMap<>();
        // the stream can hand the same event over twice; one phase = one thread, name and start
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (RecordedEvent e : phases) {
            String key = e.getInt("pulseId") + "/" + (e.getThread() == null ? "" : e.getThread().getJavaName()) + "/"
                    + e.getString("phaseName") + "/" + e.getStartTime();
            if (seen.add(key)) {
                byPulse.computeIfAbsent(e.getInt("pulseId"), k -> new ArrayList<>()).add(e);
            }
        }
        List<Pulse> out = new ArrayList<>();
        byPulse.forEach((id, events) -> {
            Instant start = null;
            double fxMs = 0;
            double renderMs = 0;
            Instant renderEnd = null;
            for (RecordedEvent e : events) {
                String thread = e.getThread() == null ? "" : e.getThread().getJavaName();
                double d = e.getDuration().toNanos() / 1e6;
                if (thread.startsWith(RENDER_THREAD)) {
                    renderMs += d;
                    renderEnd = renderEnd == null || e.getEndTime().isAfter(renderEnd) ? e.getEndTime() : renderEnd;
                } else { // the FX thread ("JavaFX Application Thread", "Event Thread" under Monocle)
                    start = start == null || e.getStartTime().isBefore(start) ? e.getStartTime() : start;
                    if (!WAIT_PHASE.equals(e.getString("phaseName"))) {
                        fxMs += d;
                    }
                }
            }
            if (start != null && !start.isBefore(from) && start.isBefore(to)) {
                out.add(new Pulse(id, start, fxMs, renderMs, renderEnd));
            }
        });
        return out;
    }

    /**
     * CPU time used so far by the threads whose names start with a prefix. Unlike the wall-clock phase durations
     * it does not grow when other processes compete for the cores.
     */
    private static long cpuNanos(String threadNamePrefix) {
        java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (java.lang.management.ThreadInfo t : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (t != null && t.getThreadName().startsWith(threadNamePrefix)) {
                total += Math.max(0, mx.getThreadCpuTime(t.getThreadId()));
            }
        }
        return total;
    }

    /**
     * CPU time so far of each thread of this JVM by name (numbers dropped, so the JIT's compiler threads add up),
     * in clock ticks (10 ms) from Linux's /proc; empty elsewhere. ThreadMXBean does not see the compiler threads.
     */
    private static Map<String, Long> threadTicks() {
        Map<String, Long> out = new TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path t : tasks.toList()) {
                try {
                    String stat = Files.readString(t.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]+$", "");
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    out.merge(name.trim(), Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum);
                } catch (java.io.IOException | RuntimeException e) {
                    // the thread ended meanwhile: its time is lost to this breakdown, not to the total above
                }
            }
        } catch (java.io.IOException e) {
            return Map.of();
        }
        return out;
    }

    /** CPU time used so far by all threads of this JVM. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Heap in use after garbage collection has settled. */
    private static long settledHeap() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(300);
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    private static double ms(Instant a, Instant b) {
        return java.time.Duration.between(a, b).toNanos() / 1e6;
    }

    private static double pct(double[] values, int p) {
        if (values.length == 0) {
            return 0;
        }
        double[] v = values.clone();
        Arrays.sort(v);
        int idx = Math.min(v.length - 1, (int) Math.ceil(p / 100.0 * v.length) - 1);
        return v[Math.max(0, idx)];
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(c.call());
            } catch (Exception e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(60, TimeUnit.SECONDS);
    }

    private static void onFx(Runnable r) throws Exception {
        fx(() -> {
            r.run();
            return null;
        });
    }
}
