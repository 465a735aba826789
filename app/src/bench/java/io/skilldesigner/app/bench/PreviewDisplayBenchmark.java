package io.skilldesigner.app.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import io.skilldesigner.app.AppContext;
import io.skilldesigner.app.AppStatusBar;
import io.skilldesigner.app.demo.DemoWorkspace;
import io.skilldesigner.app.preview.PreviewPage;
import io.skilldesigner.app.preview.PreviewSession;
import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.catalog.nodes.CameraInputNode;
import io.skilldesigner.core.catalog.nodes.ModelNode;
import io.skilldesigner.core.skill.Acceleration;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.skill.SkillBasics;
import io.skilldesigner.core.skill.SkillEdge;
import io.skilldesigner.core.skill.SkillNode;
import io.skilldesigner.core.workspace.Workspace;
import io.skilldesigner.engine.frame.Frame;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * Live Preview of one 1080p30 stream: camera input (a generated 1920×1080 30 fps MPEG-4 file) → the demo ball
 * detector, at the skill's 30 fps. Measured twice on the same skill:
 * <ol>
 * <li>headless: {@link PreviewSession} alone with a 60 Hz "display" thread taking the newest frame;</li>
 * <li>the real {@link PreviewPage} in a window (needs a display: run under xvfb-run), with {@link FxPulseProbe}
 * measuring the pulse interval, FX-thread stalls and what each paint costs.</li>
 * </ol>
 * Reports decoded, inferred, offered and painted frame rates; the point is that the display paints every newest
 * frame at its own pace, whatever the inference rate.
 *
 * <p>Arguments: {@code --workspace DIR} (demo workspace, created if missing; default /tmp/appbench-preview-ws),
 * {@code --seconds S} measured window (default 20), {@code --warmup S} (default 5), {@code --mode
 * headless,fx,scaled} (any of them; default all three; scaled = {@link ScaledDisplay}, the suggested display path,
 * at the size PreviewPage showed the video; also {@code pixelbuffer}: the same without the OpenCV resize, Prism
 * scaling the 1080p image as in PreviewPage), {@code --width W --height H} window size (default 1600×1000),
 * {@code --detector-model FILE.onnx} a slower detector instead of the demo one (imported into the workspace once,
 * with placeholder labels: only its speed matters here), {@code --classifier-model FILE.onnx} (with
 * {@code --classifier-labels FILE}) a classifier on each detected object after the detector, as in the demo skill
 * (then the rates below are the classifier's, the end of the cascade), {@code --video FILE --fps N} a video of
 * one's own (copied into the workspace, looped) at the skill's N fps instead of the generated 1080p30 one.
 */
public final class PreviewDisplayBenchmark {
    static final String SKILL_ID = "bench-1080p30";
    static final String VIDEO = "media/bench-1080p30.mp4";
    private static final String SOURCE = "camera";
    private static final String DETECTOR = "detector";
    private static final String CLASSIFIER = "classifier";

    private PreviewDisplayBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of("/tmp/appbench-preview-ws");
        int seconds = 20;
        int warmup = 5;
        String mode = "headless,fx,scaled";
        int width = 1600;
        int height = 1000;
        Path heavy = null;
        Path classifierModel = null;
        Path classifierLabels = null;
        Path video = null;
        int fps = Bench1080pVideo.FPS;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--workspace" -> dir = Path.of(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--mode" -> mode = args[++i];
                case "--width" -> width = Integer.parseInt(args[++i]);
                case "--height" -> height = Integer.parseInt(args[++i]);
                case "--detector-model" -> heavy = Path.of(args[++i]);
                case "--classifier-model" -> classifierModel = Path.of(args[++i]);
                case "--classifier-labels" -> classifierLabels = Path.of(args[++i]);
                case "--video" -> video = Path.of(args[++i]);
                case "--fps" -> fps = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; use --workspace DIR --seconds S --warmup S --mode headless,fx,scaled --width W --height H"
                        + " --detector-model FILE --classifier-model FILE --classifier-labels FILE --video FILE --fps N");
            }
        }
        NodeCatalog catalog = NodeCatalog.standard();
        Workspace ws = DemoWorkspace.openOrCreate(dir, catalog);
        String videoPath = VIDEO;
        if (video == null) {
            long encodeMs = Bench1080pVideo.ensure(ws.root().resolve(VIDEO));
            System.out.println("video " + ws.root().resolve(VIDEO) + (encodeMs > 0 ? " written in " + encodeMs + " ms" : " reused"));
        } else {
            videoPath = "media/" + video.getFileName();
            Files.copy(video, ws.root().resolve(videoPath), StandardCopyOption.REPLACE_EXISTING);
            System.out.println("video " + video + " at " + fps + " fps");
        }
        String modelId = heavy == null ? DemoWorkspace.DETECTOR_ID : SlowDetector.ensure(ws, heavy);
        String classifierId = classifierModel == null ? null
                : SlowDetector.ensureClassifier(ws, classifierModel, classifierLabels);
        Skill skill = skill(catalog, modelId, classifierId, videoPath, fps);
        System.out.println("detector model " + modelId + (classifierId == null ? "" : ", classifier on each object "
                + classifierId + " (rates below: the classifier node, the end of the cascade)"));
        ws.saveSkill(skill);
        System.out.println("cpus " + Runtime.getRuntime().availableProcessors() + ", load average "
                + ColdStartBenchmark.loadAverage() + ", java " + System.getProperty("java.version"));
        List<String> modes = List.of(mode.split(","));
        if (modes.contains("headless")) {
            headless(ws, catalog, skill, warmup, seconds);
        }
        if (modes.contains("fx") || modes.contains("scaled") || modes.contains("pixelbuffer")) {
            Platform.startup(() -> {
            });
        }
        // where PreviewPage showed the video; the scaled experiment shows it at the same size
        int[] shownSize = {Math.round(width * 0.8f), Math.round(width * 0.8f) * 9 / 16};
        if (modes.contains("fx")) {
            shownSize = fx(ws, catalog, skill, warmup, seconds, width, height);
        }
        if (modes.contains("scaled")) {
            scaled(ws, catalog, skill, warmup, seconds, shownSize[0], shownSize[1], false);
        }
        if (modes.contains("pixelbuffer")) {
            scaled(ws, catalog, skill, warmup, seconds, shownSize[0], shownSize[1], true);
        }
        System.out.println("load average at the end " + ColdStartBenchmark.loadAverage());
        BenchExit.exit();
    }

    /** The demo skill cut down to camera → detector [→ classifier on each object], reading the file at fps. */
    static Skill skill(NodeCatalog catalog, String modelId, String classifierId, String video, int fps) {
        Skill demo = DemoWorkspace.skill(catalog);
        SkillNode camera = demo.node(SOURCE).orElseThrow().withSetting(CameraInputNode.FILE_PATH_KEY, video);
        SkillNode detector = demo.node(DETECTOR).orElseThrow().withSetting(ModelNode.MODEL, modelId);
        boolean demoModel = modelId.equals(DemoWorkspace.DETECTOR_ID);
        Skill cut = demo.withId(demoModel && classifierId == null && video.equals(VIDEO) ? SKILL_ID
                        : SKILL_ID + "-" + modelId + (classifierId == null ? "" : "-" + classifierId))
                .withName("Bench: " + video + " into " + modelId)
                .withDescription("Benchmark skill: a video file into a detector (and a classifier on each object).")
                .withBasics(new SkillBasics(fps, Acceleration.CPU));
        if (classifierId == null) {
            return cut.withNodes(List.of(camera, detector)).withEdges(demo.edgesOutOf(SOURCE));
        }
        SkillNode classifier = demo.node(CLASSIFIER).orElseThrow().withSetting(ModelNode.MODEL, classifierId);
        List<SkillEdge> edges = new ArrayList<>(demo.edgesOutOf(SOURCE));
        edges.addAll(demo.edgesOutOf(DETECTOR));
        return cut.withNodes(List.of(camera, detector, classifier)).withEdges(edges);
    }

    /** The node at the end of the cascade, whose rates the benchmark reports. */
    private static String lastModel(Skill skill) {
        return skill.node(CLASSIFIER).isPresent() ? CLASSIFIER : DETECTOR;
    }

    private static void headless(Workspace ws, NodeCatalog catalog, Skill skill, int warmup, int seconds)
            throws Exception {
        System.out.println("== headless: PreviewSession, 60 Hz display thread taking the newest frame ==");
        AtomicLong taken = new AtomicLong();
        AtomicReference<Frame> last = new AtomicReference<>();
        ScheduledExecutorService display = Executors.newSingleThreadScheduledExecutor();
        try (PreviewSession s = PreviewSession.start(skill, catalog, ws.modelLibrary(), ws.root(), null)) {
            display.scheduleAtFixedRate(() -> {
                Frame f = s.latestFrame();
                if (f != null && f != last.getAndSet(f)) {
                    taken.incrementAndGet();
                }
            }, 0, 16_667, TimeUnit.MICROSECONDS);
            waitForFirstOutput(s::outputFrames, 60);
            Thread.sleep(warmup * 1000L);
            RunSnapshot a = RunSnapshot.take(s, SOURCE, lastModel(skill), taken.get());
            Thread.sleep(seconds * 1000L);
            RunSnapshot b = RunSnapshot.take(s, SOURCE, lastModel(skill), taken.get());
            System.out.println(b.ratesSince(a));
            System.out.println("  (load average " + ColdStartBenchmark.loadAverage() + ")");
        } finally {
            display.shutdownNow();
        }
    }

    /** Returns the size the page showed the video at. */
    private static int[] fx(Workspace ws, NodeCatalog catalog, Skill skill, int warmup, int seconds, int width,
                            int height) throws Exception {
        System.out.println("== fx: the real PreviewPage in a " + width + "×" + height + " window ==");
        AppContext ctx = onFx(() -> new AppContext(ws, catalog, new AppStatusBar()));
        PreviewPage page = onFx(() -> new PreviewPage(ctx));
        FxPulseProbe probe = new FxPulseProbe(Math.max(1, (warmup + seconds + 120) * 250), page::displayedFrames);
        onFx(() -> {
            Stage stage = new Stage();
            stage.setTitle("PreviewDisplayBenchmark");
            stage.setScene(new Scene((Parent) page.view(), width, height));
            stage.show();
            page.onShow();
            page.select(skill.id());
            probe.startFirst();
            page.start();
            return null;
        });
        waitForFirstOutput(() -> {
            PreviewSession s = page.session();
            return s == null ? 0 : s.outputFrames();
        }, 60);
        // page.session() is set in the start task's handler that also starts the display timer, so this timer
        // starts after it and runs after it in every pulse
        onFx(() -> {
            probe.startSecond();
            return null;
        });
        Thread.sleep(warmup * 1000L);
        PreviewSession s = page.session();
        RunSnapshot a = onFx(() -> RunSnapshot.take(s, SOURCE, lastModel(skill), page.displayedFrames()));
        Thread.sleep(seconds * 1000L);
        RunSnapshot b = onFx(() -> RunSnapshot.take(s, SOURCE, lastModel(skill), page.displayedFrames()));
        FxPulseProbe.Result r = onFx(() -> {
            probe.stop();
            return probe.between(a.nanos(), b.nanos());
        });
        int[] shown = onFx(() -> {
            Bounds v = page.view().lookup("#preview-video").getLayoutBounds();
            return new int[]{(int) Math.round(v.getWidth()), (int) Math.round(v.getHeight())};
        });
        System.out.println(b.ratesSince(a));
        System.out.println("  video shown at        " + shown[0] + "×" + shown[1] + " (ImageView, smooth, scaled by Prism)");
        print(r);
        onFx(() -> {
            page.stop();
            ctx.close();
            return null;
        });
        return shown;
    }

    private static void scaled(Workspace ws, NodeCatalog catalog, Skill skill, int warmup, int seconds, int w, int h,
                               boolean fullSize) throws Exception {
        System.out.println(fullSize
                ? "== pixelbuffer (experiment): 1080p BGRA straight into a PixelBuffer, Prism scales to " + w + "×" + h + " =="
                : "== scaled (experiment): OpenCV resize to " + w + "×" + h + " into a PixelBuffer, shown 1:1 ==");
        try (PreviewSession s = PreviewSession.start(skill, catalog, ws.modelLibrary(), ws.root(), null)) {
            ScaledDisplay display = onFx(() -> new ScaledDisplay(s, w, h, Bench1080pVideo.WIDTH, Bench1080pVideo.HEIGHT, fullSize));
            FxPulseProbe probe = new FxPulseProbe(Math.max(1, (warmup + seconds + 120) * 250), display::painted);
            onFx(() -> {
                Stage stage = new Stage();
                stage.setTitle("ScaledDisplay");
                stage.setScene(new Scene(new StackPane(display.view()), w + 40, h + 40));
                stage.show();
                probe.startFirst();
                display.start();
                probe.startSecond();
                return null;
            });
            waitForFirstOutput(s::outputFrames, 60);
            Thread.sleep(warmup * 1000L);
            RunSnapshot a = onFx(() -> RunSnapshot.take(s, SOURCE, lastModel(skill), display.painted()));
            Thread.sleep(seconds * 1000L);
            RunSnapshot b = onFx(() -> RunSnapshot.take(s, SOURCE, lastModel(skill), display.painted()));
            FxPulseProbe.Result r = onFx(() -> {
                probe.stop();
                display.stop();
                return probe.between(a.nanos(), b.nanos());
            });
            System.out.println(b.ratesSince(a));
            System.out.println("  video shown at        " + display.describe());
            print(r);
        }
    }

    private static void print(FxPulseProbe.Result r) {
        System.out.println("  FX pulse interval     " + r.pulseMs().format(" ms"));
        System.out.println(String.format(Locale.ROOT, "  FX stalls             %d pulses > 50 ms, %d > 33.4 ms (of %d)",
                r.stallsOver50(), r.over33(), r.pulseMs().count()));
        System.out.println("  paint, new frame     " + r.paintNewMs().format(" ms"));
        System.out.println("  paint, same frame    " + r.paintSameMs().format(" ms"));
        System.out.println("  paint alloc, new     " + r.allocNewKb().format(" KiB"));
        System.out.println("  paint alloc, same    " + r.allocSameKb().format(" KiB"));
        System.out.println("  (load average " + ColdStartBenchmark.loadAverage() + ")");
    }

    private static void waitForFirstOutput(Supplier<Long> outputs, int timeoutSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (outputs.get() == 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no output frame within " + timeoutSeconds + " s");
            }
            Thread.sleep(50);
        }
    }

    /** Runs on the FX thread and waits for the result. */
    static <T> T onFx(Callable<T> work) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.call());
            } catch (Exception | Error e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(60, TimeUnit.SECONDS);
    }
}
