package io.skilldesigner.engine.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;

/**
 * Copies of real models changed at test time into {@code target/batch-models/} by a script under
 * {@code src/test/python/} (Debian's python3-onnx): dynamic-batch copies ({@code make_batch_models.py}) and copies
 * with the per-stride heads as extra outputs ({@code add_stride_outputs.py}). As large as the real models, so never
 * committed. A copy newer than its source and the script is reused.
 */
final class BatchModels {
    private static final Path SCRIPT = Path.of("src/test/python/make_batch_models.py");
    private static final Path STRIDE_OUTPUTS = Path.of("src/test/python/add_stride_outputs.py");
    private static final Path DIR = Path.of("target/batch-models");

    private BatchModels() {
    }

    static Path dynamicBatchCopy(Path source) throws IOException, InterruptedException {
        return copy(SCRIPT, source, "-batch.onnx", "a dynamic-batch copy");
    }

    /** A copy whose raw per-stride heads are extra outputs after the model's own (YOLOX, YOLOv5 style). */
    static Path strideOutputsCopy(Path source) throws IOException, InterruptedException {
        return copy(STRIDE_OUTPUTS, source, "-stride-outputs.onnx", "a copy with per-stride outputs");
    }

    private static Path copy(Path script, Path source, String suffix, String what)
            throws IOException, InterruptedException {
        String name = source.getFileName().toString().replaceFirst("\\.onnx$", "") + suffix;
        Path out = DIR.resolve(name).toAbsolutePath();
        if (Files.isRegularFile(out) && newer(out, source) && newer(out, script)) {
            return out;
        }
        Files.createDirectories(DIR);
        Path tmp = Files.createTempFile(DIR, name, ".tmp");
        Process p = new ProcessBuilder("/usr/bin/python3", script.toString(), source.toString(), tmp.toString())
                .redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroy();
            Files.deleteIfExists(tmp);
            throw new IllegalStateException(script + " could not make " + what + " of " + source
                    + " (needs /usr/bin/python3 with python3-onnx): " + said);
        }
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return out;
    }

    private static boolean newer(Path a, Path b) throws IOException {
        return Files.getLastModifiedTime(a).compareTo(Files.getLastModifiedTime(b)) > 0;
    }
}
