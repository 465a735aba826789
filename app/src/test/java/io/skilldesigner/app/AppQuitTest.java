package io.skilldesigner.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Quitting the app while the Live Preview runs a real detector ends the process cleanly: before, the window's
 * close handed the preview's stop to a background thread, the application's stop interrupted it, and the JVM
 * exited while ONNX Runtime was still running an inference on a daemon thread: a native crash (SIGSEGV in
 * libonnxruntime, exit code 134 and an hs_err file) on quit. In a process of its own, as only the JVM's end shows it.
 */
class AppQuitTest {
    @TempDir
    Path dir;

    @Test
    void quittingWhileThePreviewRunsEndsTheProcessCleanly() throws Exception {
        Path yolox = SharedFiles.shared().resolve("models/yolox/yolox-nano-416.onnx");
        // twice: each quit finds an inference in flight at a different point
        for (int run = 1; run <= 2; run++) {
            Path runDir = Files.createDirectories(dir.resolve("run" + run));
            Process p = javaWithThisClassPath(runDir, QuitWhilePreviewRuns.class.getName(),
                    runDir.resolve("workspace").toString(), yolox.toString()).start();
            String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(240, TimeUnit.SECONDS), log);
            assertTrue(log.contains(QuitWhilePreviewRuns.DONE), "run " + run + " never quit:\n" + log);
            assertFalse(log.contains("A fatal error has been detected"), "run " + run + " crashed on quit:\n" + log);
            assertEquals(0, p.exitValue(), "run " + run + ":\n" + log);
            try (Stream<Path> files = Files.list(runDir)) {
                assertEquals(List.of(), files.filter(f -> f.getFileName().toString().startsWith("hs_err")).toList(),
                        "run " + run + " left a JVM crash report");
            }
        }
    }

    /** A JVM on this test's class path, headless JavaFX as the build's tests run it, in {@code workDir}. */
    private static ProcessBuilder javaWithThisClassPath(Path workDir, String mainClass, String... args)
            throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", System.getProperty("java.class.path")));
        for (String key : List.of("testfx.robot", "testfx.headless", "glass.platform", "monocle.platform",
                "prism.order", "prism.text", "headless.geometry", "java.awt.headless", "sd.shared.dir")) {
            String value = System.getProperty(key);
            if (value != null) {
                cmd.add("-D" + key + "=" + value);
            }
        }
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true);
    }
}
