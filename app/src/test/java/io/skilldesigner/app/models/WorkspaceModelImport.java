package io.skilldesigner.app.models;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.skilldesigner.core.model.ModelTask;
import io.skilldesigner.core.workspace.Workspace;
import io.skilldesigner.engine.model.ModelSessions;

/**
 * Puts a model file (a real one from ../shared/models, say) into a workspace the way Add model does: copied into
 * the workspace's model folder and registered through the app's own {@link ModelImporter}. For tests and benchmarks.
 */
public final class WorkspaceModelImport {
    private WorkspaceModelImport() {
    }

    /**
     * @param labels the label file, or null for placeholder names {@code class0..class(placeholders-1)} (where only
     *               speed or the model's running matters)
     * @return the import's result (its warnings included)
     */
    public static ModelImporter.Result importInto(Workspace ws, String id, ModelTask task, Path onnx, Path labels,
                                                  int placeholders) throws IOException {
        Path dir = Files.createDirectories(ws.root().resolve(Workspace.MODELS_DIR).resolve(id));
        Path model = Files.copy(onnx, dir.resolve(onnx.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        Path names = labels != null
                ? Files.copy(labels, dir.resolve("labels.txt"), StandardCopyOption.REPLACE_EXISTING)
                : Files.writeString(dir.resolve("labels.txt"), IntStream.range(0, placeholders)
                        .mapToObj(i -> "class" + i).collect(Collectors.joining("\n", "", "\n")));
        try (ModelSessions sessions = new ModelSessions()) {
            return new ModelImporter(ws, sessions).importModel(new ModelImporter.Request(id, id, task, model, names,
                    "imported for a test or benchmark", List.of(), null));
        }
    }
}
