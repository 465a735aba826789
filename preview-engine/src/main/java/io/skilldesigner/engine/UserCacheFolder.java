package io.skilldesigner.engine;

import java.nio.file.Path;

/**
 * The engine's folder in the user's cache folder ($XDG_CACHE_HOME, %LOCALAPPDATA%, ~/Library/Caches or ~/.cache,
 * then {@code skill-designer}): what the engine keeps between runs and may lose at any time (thread tunings,
 * TensorRT engines). The one place that knows where it is.
 */
public final class UserCacheFolder {
    private UserCacheFolder() {
    }

    public static Path path() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        String local = System.getenv("LOCALAPPDATA");
        Path home = Path.of(System.getProperty("user.home"));
        Path base;
        if (xdg != null && !xdg.isBlank()) {
            base = Path.of(xdg);
        } else if (local != null && !local.isBlank()) {
            base = Path.of(local);
        } else if (System.getProperty("os.name", "").startsWith("Mac")) {
            base = home.resolve("Library/Caches");
        } else {
            base = home.resolve(".cache");
        }
        return base.resolve("skill-designer");
    }
}
