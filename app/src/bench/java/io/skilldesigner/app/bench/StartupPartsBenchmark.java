package io.skilldesigner.app.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.skilldesigner.app.AppContext;
import io.skilldesigner.app.AppShell;
import io.skilldesigner.app.AppStatusBar;
import io.skilldesigner.app.Page;
import io.skilldesigner.app.Theme;
import io.skilldesigner.app.demo.DemoWorkspace;
import io.skilldesigner.app.models.ModelsPage;
import io.skilldesigner.app.packages.PackagesPage;
import io.skilldesigner.app.preview.PreviewPage;
import io.skilldesigner.app.settings.SettingsPage;
import io.skilldesigner.app.skills.SkillsPage;
import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.workspace.Workspace;
import io.skilldesigner.engine.model.ModelSessions;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Where the app's cold start goes: the steps of {@code SkillDesignerApp.start} in the same order, each timed, in
 * a fresh JVM (run it once per JVM; a step's time includes the first use of whatever classes and native
 * libraries it is the first to touch). Needs a display (xvfb-run). Argument: {@code --workspace DIR} (an existing
 * or new workspace).
 */
public final class StartupPartsBenchmark {
    private StartupPartsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long jvmStartMs = ManagementFactory.getRuntimeMXBean().getStartTime();
        Map<String, Double> steps = new LinkedHashMap<>();
        steps.put("JVM start → main()", (double) (System.currentTimeMillis() - jvmStartMs));
        Path dir = Path.of(args.length >= 2 && args[0].equals("--workspace") ? args[1] : "/tmp/appbench-parts-ws");
        long t = System.nanoTime();
        Platform.startup(() -> {
        });
        steps.put("JavaFX toolkit start", ms(t));
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                startLikeTheApp(dir, steps);
                done.complete(null);
            } catch (Exception | Error e) {
                done.completeExceptionally(e);
            }
        });
        done.get(120, TimeUnit.SECONDS);
        steps.put("total: JVM start → window shown", (double) (System.currentTimeMillis() - jvmStartMs));
        steps.forEach((k, v) -> System.out.printf(Locale.ROOT, "%-40s %7.0f ms%n", k, v));
        System.out.println("load average " + ColdStartBenchmark.loadAverage());
        Platform.exit();
        BenchExit.exit();
    }

    private static void startLikeTheApp(Path dir, Map<String, Double> steps) throws Exception {
        long t = System.nanoTime();
        AppStatusBar status = new AppStatusBar();
        steps.put("status bar (ControlsFX)", ms(t));
        t = System.nanoTime();
        NodeCatalog catalog = NodeCatalog.standard();
        steps.put("NodeCatalog.standard()", ms(t));
        t = System.nanoTime();
        Workspace ws = DemoWorkspace.openOrCreate(dir, catalog);
        steps.put("DemoWorkspace.openOrCreate", ms(t));
        AppContext ctx = new AppContext(ws, catalog, status);
        t = System.nanoTime();
        String providers = ModelSessions.availableProviders().toString();
        steps.put("ModelSessions.availableProviders() (ORT)", ms(t));
        status.setAcceleration(providers);
        t = System.nanoTime();
        // PreviewPage's FxFrames holds a Mat: split the OpenCV native load out of the page's own time
        new Mat().close();
        steps.put("OpenCV natives (first Mat)", ms(t));
        t = System.nanoTime();
        PreviewPage preview = new PreviewPage(ctx);
        steps.put("new PreviewPage", ms(t));
        t = System.nanoTime();
        SkillsPage skills = new SkillsPage(ctx, id -> {
        });
        steps.put("new SkillsPage", ms(t));
        t = System.nanoTime();
        ModelsPage models = new ModelsPage(ctx);
        steps.put("new ModelsPage", ms(t));
        t = System.nanoTime();
        PackagesPage packages = new PackagesPage(ctx);
        steps.put("new PackagesPage", ms(t));
        t = System.nanoTime();
        SettingsPage settings = new SettingsPage(ctx, Theme.LIGHT, th -> {
        });
        steps.put("new SettingsPage", ms(t));
        List<Page> pages = new ArrayList<>(List.of(models, skills, preview, packages, settings));
        t = System.nanoTime();
        AppShell shell = new AppShell(pages, status);
        Scene scene = new Scene(shell, 1280, 800);
        Theme.LIGHT.applyTo(scene);
        steps.put("AppShell + Scene + stylesheet", ms(t));
        t = System.nanoTime();
        shell.show(skills.id());
        steps.put("show Skills page (its onShow)", ms(t));
        t = System.nanoTime();
        Stage stage = new Stage();
        stage.setScene(scene);
        stage.show();
        steps.put("stage.show() (CSS, layout, window)", ms(t));
    }

    private static double ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }
}
