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
 * Puts a user's model into the benchmark workspace through the app's own importer: a heavier detector (e.g.
 * preview-engine's bench_yolo640.onnx, ≈1.2 GFLOP) so the preview can be measured with inference slower than the
 * source, or a real classifier to run on each detected object.
 */
final class SlowDetector {
    static final String ID = "bench-slow-detector";
    static final String CLASSIFIER_ID = "bench-classifier";
    private static final int CLASSES = 80;

    private SlowDetector() {
    }

    /** Imports the detector once, with placeholder names (only its speed matters); returns its id. */
    static String ensure(Workspace ws, Path onnx) throws IOException {
        return ensure(ws, ID, ModelTask.DETECTION, onnx, null);
    }

    /** Imports the classifier once, with its labels file or placeholder names; returns its id. */
    static String ensureClassifier(Workspace ws, Path onnx, Path labels) throws IOException {
        return ensure(ws, CLASSIFIER_ID, ModelTask.CLASSIFICATION, onnx, labels);
    }

    private static String ensure(Workspace ws, String id, ModelTask task, Path onnx, Path labels) throws IOException {
        if (ws.modelLibrary().find(id).isPresent()) {
            return id;
        }
        Path dir = ws.root().resolve(Workspace.MODELS_DIR).resolve(id);
        Files.createDirectories(dir);
        Path model = Files.copy(onnx, dir.resolve(onnx.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        Path names = labels != null
                ? Files.copy(labels, dir.resolve("labels.txt"), StandardCopyOption.REPLACE_EXISTING)
                : Files.writeString(dir.resolve("labels.txt"), IntStream.range(0, CLASSES)
                        .mapToObj(i -> "class" + i).collect(Collectors.joining("\n", "", "\n")));
        try (ModelSessions sessions = new ModelSessions()) {
            ModelImporter.Result r = new ModelImporter(ws, sessions).importModel(new ModelImporter.Request(id,
                    "Benchmark " + task.name().toLowerCase(java.util.Locale.ROOT), task, model, names,
                    "Model for the preview benchmark", List.of(), null));
            r.warnings().forEach(w -> System.out.println("import warning: " + w));
        }
        return id;
    }
}
