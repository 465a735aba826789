package io.skilldesigner.engine.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.skilldesigner.core.io.ModelJson;
import io.skilldesigner.core.model.ModelDescriptor;
import io.skilldesigner.core.model.ModelLibrary;

/** The models of a workspace folder: every {@code *.model.json} under it (a few levels deep). */
final class WorkspaceModels {
    private static final int MAX_DEPTH = 4;

    private WorkspaceModels() {
    }

    static ModelLibrary load(Path workspace) throws IOException {
        if (!Files.isDirectory(workspace)) {
            return ModelLibrary.empty();
        }
        List<ModelDescriptor> models = new ArrayList<>();
        ModelJson json = new ModelJson();
        try (Stream<Path> files = Files.find(workspace, MAX_DEPTH,
                (p, a) -> a.isRegularFile() && p.getFileName().toString().endsWith(ModelJson.EXTENSION))) {
            for (Path p : files.sorted().toList()) {
                models.add(json.read(p));
            }
        }
        return ModelLibrary.of(models);
    }
}
