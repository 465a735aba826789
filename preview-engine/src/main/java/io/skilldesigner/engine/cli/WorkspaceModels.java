package io.skilldesigner.engine.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.skilldesigner.core.io.ModelJson;
import io.skilldesigner.core.model.ModelDescriptor;
import io.skilldesigner.core.workspace.Listing;
import io.skilldesigner.core.workspace.LoadError;

/** The models of a workspace folder: every {@code *.model.json} under it (a few levels deep). */
final class WorkspaceModels {
    private static final int MAX_DEPTH = 4;

    private WorkspaceModels() {
    }

    /** The models that load, and the files that don't (with why): one bad file must not hide the others. */
    static Listing<ModelDescriptor> load(Path workspace) throws IOException {
        if (!Files.isDirectory(workspace)) {
            return new Listing<>(List.of(), List.of());
        }
        List<ModelDescriptor> models = new ArrayList<>();
        List<LoadError> errors = new ArrayList<>();
        ModelJson json = new ModelJson();
        try (Stream<Path> files = Files.find(workspace, MAX_DEPTH,
                (p, a) -> a.isRegularFile() && p.getFileName().toString().endsWith(ModelJson.EXTENSION))) {
            for (Path p : files.sorted().toList()) {
                try {
                    models.add(json.read(p));
                } catch (IOException | RuntimeException e) {
                    errors.add(new LoadError(p, e.getMessage()));
                }
            }
        }
        return new Listing<>(models, errors);
    }
}
