package io.skilldesigner.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.skilldesigner.app.models.ModelImporter;
import io.skilldesigner.core.model.ModelTask;
import io.skilldesigner.core.workspace.Workspace;
import io.skilldesigner.engine.model.ModelSessions;

/**
 * Puts a heavier detector (e.g. preview-engine's bench_yolo640.onnx, ≈1.2 GFLOP) into the benchmark workspace
 * through the app's own importer, so the preview can be measured with inference slower than the source.
 */
final class SlowDetector {
    static final String ID = "bench-slow-detector";
    private static final int CLASSES = 80;

    private SlowDetector() {
    }

    /** Imports the model once; returns its id. */
    static String ensure(Workspace ws, Path onnx) throws IOException {
        if (ws.modelLibrary().find(ID).isPresent()) {
            return ID;
        }
        Path dir = ws.root().resolve(Workspace.MODELS_DIR).resolve(ID);
        Files.createDirectories(dir);
        Path model = Files.copy(onnx, dir.resolve(onnx.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        // placeholder names: the benchmark measures speed, not what the classes mean
        Path labels = Files.writeString(dir.resolve("labels.txt"), IntStream.range(0, CLASSES)
                .mapToObj(i -> "class" + i).collect(Collectors.joining("\n", "", "\n")));
        try (ModelSessions sessions = new ModelSessions()) {
            ModelImporter.Result r = new ModelImporter(ws, sessions).importModel(new ModelImporter.Request(ID,
                    "Benchmark slow detector", ModelTask.DETECTION, model, labels,
                    "Heavier detector for the preview benchmark", List.of(), null));
            r.warnings().forEach(w -> System.out.println("import warning: " + w));
        }
        return ID;
    }
}
