package io.skilldesigner.core.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import io.skilldesigner.core.workspace.WorkspacePaths;

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
        return WorkspacePaths.absolute(m, root);
    }
}
