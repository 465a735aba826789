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

import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.skilldesigner.engine.recording.RecordingFiles;
import io.skilldesigner.engine.recording.RecordingManifest;

/**
 * Quitting the app while the Live Preview runs a real detector and records ends the process cleanly and finishes
 * the recording: before, the window's
 * close handed the preview's stop to a background thread, the application's stop interrupted it, and the JVM
 * exited while ONNX Runtime was still running an inference on a daemon thread: a native crash (SIGSEGV in
 * libonnxruntime, exit code 134 and an hs_err file) on quit, and a recording left unfinished (no manifest). In a process
 * of its own, as only the JVM's end shows it.
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
            Path recording = runDir.resolve("at-quit.mkv");
            Process p = javaWithThisClassPath(runDir, QuitWhilePreviewRuns.class.getName(),
                    runDir.resolve("workspace").toString(), yolox.toString(), recording.toString()).start();
            String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(240, TimeUnit.SECONDS), log);
            assertTrue(log.contains(QuitWhilePreviewRuns.DONE), "run " + run + " never quit:\n" + log);
            assertFalse(log.contains("A fatal error has been detected"), "run " + run + " crashed on quit:\n" + log);
            assertEquals(0, p.exitValue(), "run " + run + ":\n" + log);
            try (Stream<Path> files = Files.list(runDir)) {
                assertEquals(List.of(), files.filter(f -> f.getFileName().toString().startsWith("hs_err")).toList(),
                        "run " + run + " left a JVM crash report");
            }
            assertRecordingComplete(RecordingFiles.of(recording), "run " + run + ":\n" + log);
        }
    }

    /** The recording running at the quit was finished: its manifest, as many video frames and insight lines. */
    private static void assertRecordingComplete(RecordingFiles files, String log) throws Exception {
        assertTrue(Files.exists(files.manifest()), "no manifest: the recording was not finished\n" + log);
        RecordingManifest manifest = RecordingManifest.read(files.manifest());
        assertTrue(manifest.frames() > 5, "frames recorded: " + manifest.frames() + "\n" + log);
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(files.video().toFile())) {
            g.start();
            int frames = 0;
            while (g.grabImage() != null) {
                frames++;
            }
            assertEquals(manifest.frames(), frames, "video frames against the manifest\n" + log);
        }
        assertEquals(manifest.frames(), Files.readAllLines(files.insights()).size(), "insight lines\n" + log);
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
