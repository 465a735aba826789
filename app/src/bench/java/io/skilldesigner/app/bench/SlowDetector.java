package io.skilldesigner.app.bench;

import java.io.IOException;
import java.nio.file.Path;

import io.skilldesigner.app.models.WorkspaceModelImport;
import io.skilldesigner.core.model.ModelTask;
import io.skilldesigner.core.workspace.Workspace;

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
        if (ws.modelLibrary().find(id).isEmpty()) {
            WorkspaceModelImport.importInto(ws, id, task, onnx, labels, CLASSES).warnings()
                    .forEach(w -> System.out.println("import warning: " + w));
        }
        return id;
    }
}
