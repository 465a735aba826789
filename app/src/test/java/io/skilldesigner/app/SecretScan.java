package io.skilldesigner.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Looks for secret values in the bytes of every file under a folder (workspace, drafts, packages). */
public final class SecretScan {
    private SecretScan() {
    }

    /** "{@code relative/path} holds {@code value}" for every file under dir whose bytes contain one of the values. */
    public static List<String> holding(Path dir, List<String> values) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                values.stream().filter(text::contains).forEach(v -> out.add(dir.relativize(f) + " holds " + v));
            }
        }
        return out;
    }
}
