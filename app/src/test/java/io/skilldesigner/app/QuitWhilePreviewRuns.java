package io.skilldesigner.app;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import org.testfx.util.WaitForAsyncUtils;

import io.skilldesigner.app.demo.DemoWorkspace;
import io.skilldesigner.app.models.WorkspaceModelImport;
import io.skilldesigner.app.preview.PreviewPage;
import io.skilldesigner.core.catalog.nodes.ModelNode;
import io.skilldesigner.core.model.ModelTask;
import io.skilldesigner.core.skill.Acceleration;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.skill.SkillBasics;
import io.skilldesigner.core.workspace.Workspace;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/**
 * The app in a process of its own, quit the way a user quits it while the Live Preview runs a real detector:
 * the window's close request, the window closing, JavaFX stopping the application, then the JVM ending. Run by
 * {@link AppQuitTest}, which checks the process ends cleanly and the recording running at the quit is complete.
 * Arguments: the workspace folder, the YOLOX-Nano file, where the recording goes (a .mkv).
 */
final class QuitWhilePreviewRuns {
    static final String SKILL_ID = "quit-while-running";
    static final String DONE = "QUIT: app stopped";

    private QuitWhilePreviewRuns() {
    }

    public static void main(String[] args) throws Exception {
        Path ws = Path.of(args[0]);
        Path yolox = Path.of(args[1]);
        Path recording = Path.of(args[2]);
        SkillDesignerApp app = TestApp.start(ws);
        Workspace workspace = app.context().workspace();
        String detector = "yolox-nano";
        WorkspaceModelImport.importInto(workspace, detector, ModelTask.DETECTION, yolox, null, 80);
        // the demo cascade with a real detector at 30 fps: an inference is running nearly all the time
        Skill demo = workspace.loadSkill(DemoWorkspace.SKILL_ID);
        workspace.saveSkill(demo.withId(SKILL_ID).withName("Quit while running")
                .withBasics(new SkillBasics(30, Acceleration.CPU))
                .withNodes(demo.nodes().stream().map(n -> n.id().equals("detector")
                        ? n.withSetting(ModelNode.MODEL, detector) : n).toList()));
        PreviewPage preview = onFx(() -> {
            PreviewPage page = (PreviewPage) app.shell().page("preview");
            app.shell().show(page.id());
            page.select(SKILL_ID);
            page.start();
            return page;
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (onFx(() -> preview.session() == null ? 0L : preview.session().outputFrames()) < 30) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the preview made no 30 frames within 120 s");
            }
            Thread.sleep(50);
        }
        onFx(() -> preview.session().startRecording(recording)); // as the page's Record button does
        Thread.sleep(1500);
        onFx(() -> {
            Stage stage = (Stage) Window.getWindows().stream().filter(Window::isShowing).findFirst().orElseThrow();
            stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST));
            stage.close();
            app.stop(); // what JavaFX calls once the last window has closed
            return null;
        });
        System.out.println(DONE);
        Platform.exit();
    }

    /** Runs on the FX thread and waits for it (TestFX's own helper). */
    private static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(60, TimeUnit.SECONDS);
    }
}
