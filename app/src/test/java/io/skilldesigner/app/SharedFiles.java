package io.skilldesigner.app;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where ../shared (real models and media) is: the sd.shared.dir property set by the build, else ../shared. */
public final class SharedFiles {
    private SharedFiles() {
    }

    public static Path shared() {
        String p = System.getProperty("sd.shared.dir");
        if (p != null && Files.isDirectory(Path.of(p))) {
            return Path.of(p);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared");
            if (Files.isDirectory(candidate.resolve("models"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("../shared not found; set -Dsd.shared.dir");
    }
}
