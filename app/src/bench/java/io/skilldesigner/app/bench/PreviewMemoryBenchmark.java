package io.skilldesigner.app.bench;

import static io.skilldesigner.app.bench.PreviewDisplayBenchmark.onFx;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import io.skilldesigner.app.AppContext;
import io.skilldesigner.app.AppStatusBar;
import io.skilldesigner.app.demo.DemoWorkspace;
import io.skilldesigner.app.preview.PreviewPage;
import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.catalog.nodes.CameraInputNode;
import io.skilldesigner.core.skill.Acceleration;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.skill.SkillBasics;
import io.skilldesigner.core.workspace.Workspace;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Memory of the app's Live Preview: the real PreviewPage in a 1280×800 window runs the demo skill (detector →
 * classifier on each ball → tracker → line crossing → IoT Hub message) on a 1920×1080 30 fps file, in this JVM, so
 * the JVM options under test are this JVM's. Reports the process RSS (VmRSS): idle with the page shown, the peak
 * while running, and after Stop (at 1 s steps up to 10 s). Needs a display (xvfb-run).
 *
 * <p>Arguments: {@code --workspace DIR} (default /tmp/appbench-memory-ws), {@code --seconds N} (run, default 30).
 */
public final class PreviewMemoryBenchmark {
    private static final String SKILL_ID = "bench-memory-1080p";

    private PreviewMemoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of("/tmp/appbench-memory-ws");
        int seconds = 30;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--workspace" -> dir = Path.of(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; use --workspace DIR --seconds N");
            }
        }
        NodeCatalog catalog = NodeCatalog.standard();
        Workspace ws = DemoWorkspace.openOrCreate(dir, catalog);
        Bench1080pVideo.ensure(ws.root().resolve(PreviewDisplayBenchmark.VIDEO));
        Skill demo = DemoWorkspace.skill(catalog);
        Skill skill = demo.withId(SKILL_ID).withName("Bench: demo skill on 1080p30")
                .withBasics(new SkillBasics(Bench1080pVideo.FPS, Acceleration.CPU))
                .withNodes(demo.nodes().stream().map(n -> n.id().equals("camera")
                        ? n.withSetting(CameraInputNode.FILE_PATH_KEY, PreviewDisplayBenchmark.VIDEO) : n).toList());
        ws.saveSkill(skill);
        System.out.println("JVM options: " + ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-X") || a.startsWith("-XX")).toList());
        System.out.println("load average " + ColdStartBenchmark.loadAverage());

        Platform.startup(() -> {
        });
        AppContext ctx = onFx(() -> new AppContext(ws, catalog, new AppStatusBar()));
        PreviewPage page = onFx(() -> new PreviewPage(ctx));
        onFx(() -> {
            Stage stage = new Stage();
            stage.setScene(new Scene((Parent) page.view(), 1280, 800));
            stage.show();
            page.onShow();
            page.select(SKILL_ID);
            return null;
        });
        Thread.sleep(3000);
        long idle = rssMb();
        System.out.printf(Locale.ROOT, "idle (page shown, nothing running): %d MB%n", idle);
        onFx(() -> {
            page.start();
            return null;
        });
        long peak = 0;
        long end = System.currentTimeMillis() + seconds * 1000L;
        while (System.currentTimeMillis() < end) {
            peak = Math.max(peak, rssMb());
            Thread.sleep(200);
        }
        long frames = onFx(() -> page.session() == null ? -1 : page.session().outputFrames());
        System.out.printf(Locale.ROOT, "running %d s (%d frames out): peak %d MB, now %d MB%n", seconds, frames, peak,
                rssMb());
        onFx(() -> {
            page.stop();
            return null;
        });
        long stopped = System.currentTimeMillis();
        StringBuilder after = new StringBuilder();
        for (int s = 1; s <= 10; s++) {
            Thread.sleep(stopped + s * 1000L - System.currentTimeMillis());
            after.append(String.format(Locale.ROOT, " %ds:%d", s, rssMb()));
        }
        long at10 = rssMb();
        System.out.println("after Stop (MB):" + after);
        System.out.printf(Locale.ROOT, "RESULT idle=%d peak=%d after10s=%d (idle+%d) goal: peak<=600, after10s<=idle+50%n",
                idle, peak, at10, at10 - idle);
        onFx(() -> {
            ctx.close();
            return null;
        });
        BenchExit.exit();
    }

    /** Resident set size of this process, from /proc (Linux). */
    static long rssMb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                List<String> parts = List.of(line.trim().split("\\s+"));
                return Long.parseLong(parts.get(1)) / 1024;
            }
        }
        throw new IOException("no VmRSS in /proc/self/status");
    }
}
