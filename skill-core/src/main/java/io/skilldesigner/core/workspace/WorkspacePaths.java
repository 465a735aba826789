package io.skilldesigner.core.workspace;

import java.nio.file.Path;

import io.skilldesigner.core.model.FileLocation;
import io.skilldesigner.core.model.ModelDescriptor;

/**
 * The one resolver of paths stored relative to a workspace (model and label files, output folders, video files,
 * certificates). Workspace files keep relative paths so a workspace, or an edge package run as one, can move;
 * the app, the engine and the command line on the edge device all resolve them here, so they cannot drift.
 */
public final class WorkspacePaths {
    private WorkspacePaths() {
    }

    /** An absolute path as it is; a relative one against {@code root} (as it is when there is no root). */
    public static Path resolve(Path root, String path) {
        Path p = Path.of(path);
        return p.isAbsolute() || root == null ? p : root.resolve(p);
    }

    /** The descriptor with its model and label files made absolute (and normalised) against {@code root}. */
    public static ModelDescriptor absolute(ModelDescriptor m, Path root) {
        ModelDescriptor out = m;
        if (m.model() != null) {
            out = out.withModel(absolute(m.model(), root));
        }
        if (m.labels() != null) {
            out = out.withLabels(absolute(m.labels(), root));
        }
        return out;
    }

    /** A local file made absolute against {@code root}; empty paths (blobs not yet downloaded) stay empty. */
    public static FileLocation absolute(FileLocation loc, Path root) {
        if (loc.path().isEmpty() || Path.of(loc.path()).isAbsolute()) {
            return loc;
        }
        return loc.withPath(root.resolve(loc.path()).normalize().toString());
    }
}
