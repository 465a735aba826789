package io.skilldesigner.engine.model;

import java.nio.file.Path;
import java.util.Objects;

import io.skilldesigner.core.model.DecoderSettings;
import io.skilldesigner.core.model.ModelDescriptor;
import io.skilldesigner.core.model.ModelTask;
import io.skilldesigner.core.workspace.WorkspacePaths;

/**
 * What to load: a model file, its labels and how to decode it.
 *
 * @param labels    label file, or null (labels then read "class N", UltraFace "face")
 * @param decoder   user's decoder settings, or null to use the proposed defaults; a null layout inside means
 *                  "the detected one"
 * @param task      expected task, or null to take it from the layout
 * @param wantsCuda the skill's acceleration asks for a GPU (TensorRT, CUDA, then CPU: {@link ProviderChain})
 */
public record ModelSpec(String name, Path file, Path labels, DecoderSettings decoder, ModelTask task,
                        boolean wantsCuda) {
    public ModelSpec {
        Objects.requireNonNull(file, "file");
        name = name == null ? file.getFileName().toString() : name;
    }

    public static ModelSpec of(Path file, Path labels) {
        return new ModelSpec(null, file, labels, null, null, false);
    }

    public ModelSpec withDecoder(DecoderSettings d) {
        return new ModelSpec(name, file, labels, d, task, wantsCuda);
    }

    public ModelSpec withCuda(boolean cuda) {
        return new ModelSpec(name, file, labels, decoder, task, cuda);
    }

    /**
     * The spec of a library model; relative paths resolve against the workspace.
     *
     * @throws ModelException when the model file is a blob that has not been downloaded yet
     */
    public static ModelSpec of(ModelDescriptor d, Path workspaceDir, boolean wantsCuda) {
        if (d.model() == null || d.model().path().isEmpty()) {
            throw new ModelException("model '" + d.name() + "' (" + (d.model() == null ? "no file"
                    : d.model().describe()) + "): no local copy of the model file; download it first");
        }
        Path file = resolve(workspaceDir, d.model().path());
        Path labels = d.labels() == null || d.labels().path().isEmpty() ? null : resolve(workspaceDir, d.labels().path());
        return new ModelSpec(d.name(), file, labels, d.decoder(), d.task(), wantsCuda);
    }

    private static Path resolve(Path dir, String p) {
        return WorkspacePaths.resolve(dir, p);
    }
}
