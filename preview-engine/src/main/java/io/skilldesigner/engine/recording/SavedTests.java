package io.skilldesigner.engine.recording;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A skill's saved golden tests in a workspace: the recordings under {@code recordings/} whose manifest names the
 * skill and that have a golden file (what Live Preview's "Save as test" leaves behind).
 */
public final class SavedTests {
    public static final String RECORDINGS_DIR = "recordings";

    private SavedTests() {
    }

    public static List<RecordingFiles> of(Path workspaceRoot, String skillId) throws IOException {
        Path dir = workspaceRoot.resolve(RECORDINGS_DIR);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<RecordingFiles> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.toString().endsWith(RecordingFiles.MANIFEST_SUFFIX)).sorted().toList()) {
                RecordingFiles r = RecordingFiles.of(p);
                if (Files.isRegularFile(r.golden()) && RecordingManifest.read(p).skillId().equals(skillId)) {
                    out.add(r);
                }
            }
        }
        return out;
    }
}
