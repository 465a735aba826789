package io.skilldesigner.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtProvider;
import io.skilldesigner.app.demo.DemoWorkspace;
import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.skill.Acceleration;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.workspace.Workspace;
import javafx.scene.control.Label;

/**
 * The demo skill set to an NVIDIA GPU, previewed in the real application (headless) on this CPU build of ONNX
 * Runtime: the provider banner names CPU for both model nodes with why neither TensorRT nor CUDA runs, marked as a
 * fallback. A PNG of the preview goes to target/gpu-fallback/ for a person to look at.
 */
class GpuFallbackPreviewTest {
    @TempDir
    static Path tmp;
    static SkillDesignerApp app;
    static final FxRobot robot = new FxRobot();

    @BeforeAll
    static void startApp() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(!OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA),
                "the CPU build of ONNX Runtime");
        Path root = tmp.resolve("ws");
        Workspace ws = DemoWorkspace.openOrCreate(root, NodeCatalog.standard());
        Skill demo = ws.loadSkill(DemoWorkspace.SKILL_ID);
        ws.saveSkill(demo.withBasics(demo.basics().withAcceleration(Acceleration.NVIDIA_DGPU)));
        app = TestApp.start(root);
    }

    @AfterAll
    static void stopApp() throws Exception {
        if (app != null) {
            TestApp.stop(app);
        }
    }

    @Test
    void theBannerSaysCpuAndWhyNeitherTensorRtNorCudaRuns() throws Exception {
        robot.clickOn("#nav-skills");
        robot.clickOn("#skill-preview-" + DemoWorkspace.SKILL_ID);
        robot.clickOn("#preview-start");
        Label banner = robot.lookup("#preview-provider").queryAs(Label.class);
        String why = "TensorRT: not in this build; CUDA: not in this build";
        TestApp.waitUntil("the provider banner with the reasons", 120, () -> banner.isVisible()
                && banner.getText().contains(why));
        String text = banner.getText();
        assertTrue(text.contains("detector: CPU (" + why) && text.contains("classifier: CPU (" + why), text);
        assertTrue(banner.getStyleClass().contains("provider-fallback"), "shown as a fallback: "
                + banner.getStyleClass());
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            try {
                Screenshots.save(robot.lookup("#preview-page").query().getScene(),
                        Path.of("target", "gpu-fallback", "preview-gpu-fallback.png"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        robot.clickOn("#preview-stop");
    }
}
