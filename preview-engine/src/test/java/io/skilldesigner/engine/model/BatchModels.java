package io.skilldesigner.engine.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;

/**
 * Dynamic-batch copies of real models, made at test time into {@code target/batch-models/} by
 * {@code src/test/python/make_batch_models.py} (Debian's python3-onnx): as large as the real models, so never
 * committed. A copy newer than its source and the script is reused.
 */
final class BatchModels {
    private static final Path SCRIPT = Path.of("src/test/python/make_batch_models.py");
    private static final Path DIR = Path.of("target/batch-models");

    private BatchModels() {
    }

    static Path dynamicBatchCopy(Path source) throws IOException, InterruptedException {
        String name = source.getFileName().toString().replaceFirst("\\.onnx$", "") + "-batch.onnx";
        Path out = DIR.resolve(name).toAbsolutePath();
        if (Files.isRegularFile(out) && newer(out, source) && newer(out, SCRIPT)) {
            return out;
        }
        Files.createDirectories(DIR);
        Path tmp = Files.createTempFile(DIR, name, ".tmp");
        Process p = new ProcessBuilder("/usr/bin/python3", SCRIPT.toString(), source.toString(), tmp.toString())
                .redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroy();
            Files.deleteIfExists(tmp);
            throw new IllegalStateException(SCRIPT + " could not make a dynamic-batch copy of " + source
                    + " (needs /usr/bin/python3 with python3-onnx): " + said);
        }
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return out;
    }

    private static boolean newer(Path a, Path b) throws IOException {
        return Files.getLastModifiedTime(a).compareTo(Files.getLastModifiedTime(b)) > 0;
    }
}
