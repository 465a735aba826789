package io.skilldesigner.core.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.skilldesigner.core.io.ModelJson;
import io.skilldesigner.core.model.ModelDescriptor;
import io.skilldesigner.core.model.ModelLibrary;



/**
 * Model-file discovery for a folder that is not opened as a {@link Workspace}: every {@code *.model.json} under it
 * (a few levels deep), as the command line finds them in a workspace or an unpacked edge package. The one copy of
 * this rule, so the edge device finds what the designer finds.
 */
public final class ModelFiles {
    private static final int MAX_DEPTH = 4;

    private ModelFiles() {
    }

    /** The models described under {@code folder}, in path order; none when the folder does not exist. */
    public static ModelLibrary discover(Path folder) throws IOException {
        return ModelLibrary.of(load(folder).items());
    }

    /** The models that load, and the files that don't (with why): one bad file must not hide the others. */
    public static Listing<ModelDescriptor> load(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return new Listing<>(List.of(), List.of());
        }
        List<ModelDescriptor> models = new ArrayList<>();
        List<LoadError> errors = new ArrayList<>();
        ModelJson json = new ModelJson();
        try (Stream<Path> files = Files.find(folder, MAX_DEPTH,
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
