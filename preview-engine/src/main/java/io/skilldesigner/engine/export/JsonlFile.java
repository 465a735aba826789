package io.skilldesigner.engine.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Appends one JSON message per line; flushed per line so the file can be tailed while the preview runs. */
public final class JsonlFile implements AutoCloseable {
    private final Path path;
    private final BufferedWriter out;

    public JsonlFile(Path path) throws IOException {
        this.path = path;
        Path dir = path.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        this.out = Files.newBufferedWriter(path, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    public Path path() {
        return path;
    }

    public synchronized void append(String json) throws IOException {
        out.write(json);
        out.write('\n');
        out.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
