package io.skilldesigner.core.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The workspace's models with their file paths made absolute, for code that reads the files without knowing the
 * workspace (the package exporter). Workspace files keep relative paths so a workspace can move.
 */
public final class AbsoluteModelLibrary implements ModelLibrary {
    private final ModelLibrary library;
    private final Path root;

    public AbsoluteModelLibrary(ModelLibrary library, Path root) {
        this.library = library;
        this.root = root;
    }

    @Override
    public Optional<ModelDescriptor> find(String modelId) {
        return library.find(modelId).map(this::absolute);
    }

    @Override
    public List<ModelDescriptor> all() {
        return library.all().stream().map(this::absolute).toList();
    }

    private ModelDescriptor absolute(ModelDescriptor m) {
        ModelDescriptor out = m;
        if (m.model() != null) {
            out = out.withModel(absolute(m.model()));
        }
        if (m.labels() != null) {
            out = out.withLabels(absolute(m.labels()));
        }
        return out;
    }

    private FileLocation absolute(FileLocation loc) {
        if (loc.path().isEmpty() || Path.of(loc.path()).isAbsolute()) {
            return loc;
        }
        return loc.withPath(root.resolve(loc.path()).normalize().toString());
    }
}
